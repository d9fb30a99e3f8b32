using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.Interfaces.Tutoring;

namespace Collab.Api.Attachments;

/// <summary>
/// Who may share an owner's files, as the owner's grain already decides who may see it: a plan's group (or a personal
/// copy's owner), a tutoring room's tutor and students, an exam's staff to upload and whoever may follow the exam to read.
/// Each throws the grain's own refusal (<c>not_found</c>, <c>not_member</c>, <c>forbidden</c>, …).
/// </summary>
public sealed class AttachmentAccess(IGrainFactory grains)
{
    public Task RequireMayUploadAsync(Caller caller, AttachmentOwner owner) => owner.Kind switch
    {
        AttachmentOwner.LessonPrep => grains.GetGrain<ILessonPrepGrain>(owner.Id).AuthorizeAsync(caller),
        AttachmentOwner.Tutoring => grains.GetGrain<ITutoringRoomGrain>(owner.Id).AuthorizeFilesAsync(caller),
        // The author, an admin or a room's proctor: those who may read the exam with its keys.
        _ => grains.GetGrain<IExamGrain>(owner.Id).GetAsync(caller),
    };

    public Task RequireMayReadAsync(Caller caller, AttachmentOwner owner) => owner.Kind switch
    {
        AttachmentOwner.LessonPrep => grains.GetGrain<ILessonPrepGrain>(owner.Id).AuthorizeAsync(caller),
        AttachmentOwner.Tutoring => grains.GetGrain<ITutoringRoomGrain>(owner.Id).AuthorizeFilesAsync(caller),
        _ => grains.GetGrain<IExamGrain>(owner.Id).AuthorizeAsync(caller),
    };
}
