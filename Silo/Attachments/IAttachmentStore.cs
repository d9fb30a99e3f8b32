namespace Collab.Silo.Attachments;

/// <summary>
/// Where attachments live (PROTOCOL §9): a folder under the data directory in the embedded default, PostgreSQL in a
/// cluster, chosen by <c>Collab:Storage</c>. Who may store or read an owner's files is the caller's to decide; the
/// store keeps bytes and their description, and a saved attachment is durable before <see cref="SaveAsync"/> returns.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>
    /// Stores <paramref name="content"/> read to its end. Either the attachment is whole and listed afterwards, or,
    /// when reading or writing fails, nothing of it is left (no partial bytes, no description).
    /// </summary>
    Task<AttachmentRecord> SaveAsync(NewAttachment attachment, Stream content, CancellationToken cancellationToken);

    Task<AttachmentRecord?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The stored bytes of a found attachment, streamed; the caller disposes the stream.</summary>
    Task<Stream> OpenReadAsync(string id, CancellationToken cancellationToken);

    /// <summary>An owner's attachments, oldest first.</summary>
    Task<IReadOnlyList<AttachmentRecord>> ListAsync(string owner, CancellationToken cancellationToken);

    /// <summary>False when there was no such attachment.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
