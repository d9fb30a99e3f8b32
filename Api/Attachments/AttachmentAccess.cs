using Collab.Grains.Interfaces.Attachments;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.Interfaces.Tutoring;

namespace Collab.Api.Attachments;

/// <summary>
/// Who may share an owner's files, as the owner's grain already decides who may see it: a plan's group (or a personal
/// copy's owner), a tutoring room's tutor and students, an exam's staff (markers too) to upload, and its staff and
/// rostered candidates once the paper is open to read. Each throws the grain's own refusal (<c>not_found</c>,
/// <c>not_member</c>, <c>forbidden</c>, <c>not_open</c>, …). The owner's grain is also the one that tells its followers.
/// </summary>
public sealed class AttachmentAccess(IGrainFactory grains)
{
    public Task RequireMayUploadAsync(Caller caller, AttachmentOwner owner) => owner.Kind switch
    {
        AttachmentOwner.LessonPrep => grains.GetGrain<ILessonPrepGrain>(owner.Id).AuthorizeAsync(caller),
        AttachmentOwner.Tutoring => grains.GetGrain<ITutoringRoomGrain>(owner.Id).AuthorizeFilesAsync(caller),
        _ => grains.GetGrain<IExamGrain>(owner.Id).AuthorizeFilesAsync(caller, upload: true),
    };

    public Task RequireMayReadAsync(Caller caller, AttachmentOwner owner) => owner.Kind switch
    {
        AttachmentOwner.LessonPrep => grains.GetGrain<ILessonPrepGrain>(owner.Id).AuthorizeAsync(caller),
        AttachmentOwner.Tutoring => grains.GetGrain<ITutoringRoomGrain>(owner.Id).AuthorizeFilesAsync(caller),
        _ => grains.GetGrain<IExamGrain>(owner.Id).AuthorizeFilesAsync(caller, upload: false),
    };

    public IAttachmentOwnerGrain OwnerGrain(AttachmentOwner owner) => owner.Kind switch
    {
        AttachmentOwner.LessonPrep => grains.GetGrain<ILessonPrepGrain>(owner.Id),
        AttachmentOwner.Tutoring => grains.GetGrain<ITutoringRoomGrain>(owner.Id),
        _ => grains.GetGrain<IExamGrain>(owner.Id),
    };
}
