using Collab.Grains.Interfaces.Attachments.Events;
using Orleans.Concurrency;

namespace Collab.Grains.Interfaces.Attachments;

/// <summary>
/// A grain whose stream owns attachments (a lesson plan, a tutoring room, an exam): the Api tells it of a stored or
/// deleted file, and it tells those of its followers who share its files, as an ephemeral event. One-way and best
/// effort: the store is the truth, and a client that missed one reads the list again when it re-joins.
/// </summary>
[Alias("collab.IAttachmentOwnerGrain")]
public interface IAttachmentOwnerGrain : IGrainWithStringKey
{
    [Alias("AttachmentAdded"), OneWay]
    Task AttachmentAddedAsync(AttachmentAddedEvent added);

    [Alias("AttachmentRemoved"), OneWay]
    Task AttachmentRemovedAsync(AttachmentRemovedEvent removed);
}
