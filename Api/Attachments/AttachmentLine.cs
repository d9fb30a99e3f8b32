using Collab.Silo.Attachments;

namespace Collab.Api.Attachments;

/// <summary>An attachment as the client sees it (PROTOCOL §9); <c>url</c> is where it is read, with the bearer token.</summary>
public sealed record AttachmentLine(string Id, string Url, string Name, long Size, string ContentType, string Owner, string UploadedBy, DateTimeOffset UploadedAt)
{
    public const string UrlPrefix = "/api/files/";

    public static AttachmentLine Of(AttachmentRecord record) => new(record.Id, UrlPrefix + record.Id, record.Name, record.Size,
        record.ContentType, record.Owner, record.UploadedBy, record.UploadedAt);
}
