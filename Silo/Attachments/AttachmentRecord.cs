namespace Collab.Silo.Attachments;

/// <summary>A stored attachment's description; <see cref="Size"/> is what the store counted as it wrote.</summary>
public sealed record AttachmentRecord(string Id, string Owner, string Name, string ContentType, long Size, string UploadedBy, DateTimeOffset UploadedAt);
