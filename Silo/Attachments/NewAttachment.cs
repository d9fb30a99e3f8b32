namespace Collab.Silo.Attachments;

/// <summary>What an upload says of itself, checked by the Api: the sniffed content type, never the one the client sent.</summary>
public sealed record NewAttachment(string Id, string Owner, string Name, string ContentType, string UploadedBy, DateTimeOffset UploadedAt);
