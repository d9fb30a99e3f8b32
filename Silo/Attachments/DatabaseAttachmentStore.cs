using Collab.Silo.Database;

namespace Collab.Silo.Attachments;

/// <summary>
/// A cluster's store: description and bytes in one PostgreSQL row (deploy/sql/postgres/*_attachments.sql says why a
/// bytea), which every node reaches and which one statement writes whole or not at all.
/// </summary>
public sealed class DatabaseAttachmentStore(AttachmentTable table) : IAttachmentStore
{
    public async Task<AttachmentRecord> SaveAsync(NewAttachment attachment, Stream content, CancellationToken cancellationToken)
    {
        // The statement declares the bytea's length before its bytes: a stream of unknown length is spooled first.
        await using var spool = content.CanSeek ? null : await SpoolAsync(content, cancellationToken);
        var source = spool ?? content;
        var record = new AttachmentRecord(attachment.Id, attachment.Owner, attachment.Name, attachment.ContentType,
            source.Length - source.Position, attachment.UploadedBy, attachment.UploadedAt);
        await table.InsertWithContentAsync(record, source, cancellationToken);
        return record;
    }

    public Task<AttachmentRecord?> FindAsync(string id, CancellationToken cancellationToken) => table.FindAsync(id, cancellationToken);

    public Task<Stream> OpenReadAsync(string id, CancellationToken cancellationToken) => table.OpenContentAsync(id, cancellationToken);

    public Task<IReadOnlyList<AttachmentRecord>> ListAsync(string owner, CancellationToken cancellationToken) => table.ListAsync(owner, cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => table.DeleteAsync(id, cancellationToken);

    private static async Task<Stream> SpoolAsync(Stream content, CancellationToken cancellationToken)
    {
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await content.CopyToAsync(spool, cancellationToken);
            spool.Position = 0;
            return spool;
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }
}
