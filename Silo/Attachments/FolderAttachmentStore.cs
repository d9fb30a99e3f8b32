using Collab.Silo.Database;
using Collab.Silo.Hosting;

namespace Collab.Silo.Attachments;

/// <summary>
/// The embedded default's store: each attachment's bytes are a file <c>attachments/&lt;id&gt;</c> under the data
/// directory, its description a row of the SQLite file. An upload is written to <c>attachments/incoming/</c>, flushed to
/// the disk, renamed into place (atomic on one file system), and only then described; so a row never names bytes that
/// are not whole on disk, and a failed upload removes its file. A crash between the rename and the row leaves a file no
/// row names, which nothing serves; the incoming folder's leftovers of a crash are removed when the store starts, and
/// such nameless files by <see cref="SweepOrphansAsync"/> when the silo starts (<see cref="AttachmentOrphanSweep"/>).
/// </summary>
public sealed class FolderAttachmentStore : IAttachmentStore
{
    private readonly AttachmentTable _table;
    private readonly string _folder;
    private readonly string _incoming;

    public FolderAttachmentStore(CollabSettings settings, AttachmentTable table)
    {
        _table = table;
        _folder = Path.Combine(settings.DataDirectory, "attachments");
        _incoming = Path.Combine(_folder, "incoming");
        if (Directory.Exists(_incoming))
        {
            Directory.Delete(_incoming, recursive: true);
        }
        Directory.CreateDirectory(_incoming);
    }

    public async Task<AttachmentRecord> SaveAsync(NewAttachment attachment, Stream content, CancellationToken cancellationToken)
    {
        var final = PathOf(attachment.Id) ?? throw new ArgumentException($"'{attachment.Id}' is not an attachment id", nameof(attachment));
        var incoming = Path.Combine(_incoming, attachment.Id);
        long size;
        try
        {
            await using (var file = new FileStream(incoming, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                size = file.Length;
                file.Flush(flushToDisk: true);
            }
            File.Move(incoming, final);
        }
        catch
        {
            File.Delete(incoming);
            throw;
        }
        var record = new AttachmentRecord(attachment.Id, attachment.Owner, attachment.Name, attachment.ContentType, size,
            attachment.UploadedBy, attachment.UploadedAt);
        try
        {
            await _table.InsertAsync(record, cancellationToken);
        }
        catch
        {
            File.Delete(final);
            throw;
        }
        return record;
    }

    public Task<AttachmentRecord?> FindAsync(string id, CancellationToken cancellationToken) =>
        PathOf(id) is null ? Task.FromResult<AttachmentRecord?>(null) : _table.FindAsync(id, cancellationToken);

    public Task<Stream> OpenReadAsync(string id, CancellationToken cancellationToken)
    {
        var path = PathOf(id) ?? throw new FileNotFoundException($"'{id}' is not an attachment id");
        // FileShare.Delete: a delete while someone downloads takes the name away and leaves them their copy.
        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous));
    }

    public Task<IReadOnlyList<AttachmentRecord>> ListAsync(string owner, CancellationToken cancellationToken) => _table.ListAsync(owner, cancellationToken);

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (PathOf(id) is not { } path || !await _table.DeleteAsync(id, cancellationToken))
        {
            return false;
        }
        File.Delete(path);
        return true;
    }

    /// <summary>
    /// Deletes the files no row names that were last written before <paramref name="now"/> minus <paramref name="grace"/>:
    /// a younger one may be an upload between its rename and its row. Returns how many were deleted.
    /// </summary>
    public async Task<int> SweepOrphansAsync(DateTimeOffset now, TimeSpan grace, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(_folder))
        {
            var id = Path.GetFileName(path);
            if (PathOf(id) is null || File.GetLastWriteTimeUtc(path) > (now - grace).UtcDateTime
                || await _table.FindAsync(id, cancellationToken) is not null)
            {
                continue;
            }
            File.Delete(path);
            deleted++;
        }
        return deleted;
    }

    /// <summary>The file of an id, or null for anything that is not an id (a path must never come from a request as it is).</summary>
    private string? PathOf(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? Path.Combine(_folder, id) : null;
}
