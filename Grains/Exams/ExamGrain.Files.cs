using Collab.Grains.Interfaces.Attachments.Events;
using Collab.Grains.Interfaces.Common;

namespace Collab.Grains.Exams;

/// <summary>The exam's files (PROTOCOL §9): who shares them is <see cref="ExamFiles"/>'s; only its proctors hear of a new or deleted one.</summary>
public sealed partial class ExamGrain
{
    public Task AuthorizeFilesAsync(Caller caller, bool upload)
    {
        var files = new ExamFiles(Id, Exam);
        if (upload)
        {
            files.RequireUploader(caller);
        }
        else
        {
            files.RequireReader(caller, Now);
        }
        return Task.CompletedTask;
    }

    public Task AttachmentAddedAsync(AttachmentAddedEvent added)
    {
        EmitEphemeral(added, audienceGroup: ProctorsGroup);
        return Task.CompletedTask;
    }

    public Task AttachmentRemovedAsync(AttachmentRemovedEvent removed)
    {
        EmitEphemeral(removed, audienceGroup: ProctorsGroup);
        return Task.CompletedTask;
    }
}
