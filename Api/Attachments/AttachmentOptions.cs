namespace Collab.Api.Attachments;

/// <summary>The <c>Collab:Attachments</c> section.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Collab:Attachments";

    /// <summary>The largest file an upload may carry; a larger one is refused with <c>too_large</c> and nothing of it kept.</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>What the multipart form may add around the file (boundaries, headers, the owner field).</summary>
    public const long FormOverheadBytes = 64 * 1024;
}
