using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Interfaces.Attachments.Events;

/// <summary>Ephemeral, to those of the owner's stream who share its files: an attachment was stored (PROTOCOL §9); the line of <c>GET /api/files</c>.</summary>
[GenerateSerializer, Alias("collab.attachments.AttachmentAddedEvent")]
public sealed record AttachmentAddedEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] string Name,
    [property: Id(3)] long Size,
    [property: Id(4)] string ContentType,
    [property: Id(5)] string Owner,
    [property: Id(6)] string UploadedBy,
    [property: Id(7)] DateTimeOffset UploadedAt) : ILiveEvent
{
    public static string Type => "attachment.added";
}

/// <summary>Ephemeral, to the same audience as <see cref="AttachmentAddedEvent"/>: an attachment was deleted.</summary>
[GenerateSerializer, Alias("collab.attachments.AttachmentRemovedEvent")]
public sealed record AttachmentRemovedEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Owner,
    [property: Id(2)] string RemovedBy) : ILiveEvent
{
    public static string Type => "attachment.removed";
}
