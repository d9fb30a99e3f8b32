namespace Collab.Grains.Interfaces.Tutoring;

/// <summary>An image of the room's attachments shown under the running session's board (PROTOCOL §4); read at <c>/api/files/{fileId}</c>.</summary>
[GenerateSerializer, Alias("collab.tutoring.BoardBackground")]
public sealed record BoardBackground(
    [property: Id(0)] string FileId,
    [property: Id(1)] string Name,
    [property: Id(2)] string ContentType);
