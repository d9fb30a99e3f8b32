using Collab.Grains.Interfaces.Attachments.Events;

namespace Collab.Grains.LessonPreps;

/// <summary>The plan's files (PROTOCOL §9): everyone following the plan may share them, so everyone joined hears of one.</summary>
public sealed partial class LessonPrepGrain
{
    public Task AttachmentAddedAsync(AttachmentAddedEvent added)
    {
        EmitEphemeral(added);
        return Task.CompletedTask;
    }

    public Task AttachmentRemovedAsync(AttachmentRemovedEvent removed)
    {
        EmitEphemeral(removed);
        return Task.CompletedTask;
    }
}
