using Collab.Grains.Interfaces.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Collab.Api.Attachments;

/// <summary>
/// One multipart upload read as it arrives: the <c>owner</c> field, and the <c>file</c> part streamed into a temporary
/// file of this node, counting its bytes and giving up with <c>too_large</c> the moment it passes the limit, so nothing
/// beyond the limit is read or kept. The type is then told from the whole file (an Office document's
/// <c>[Content_Types].xml</c> may sit anywhere in its zip). Disposing removes the temporary file.
/// </summary>
public sealed class StagedUpload : IAsyncDisposable
{
    private const int MaxFieldChars = 256;

    private StagedUpload(string? owner, string name, FileStream file)
    {
        Owner = owner;
        Name = name;
        File = file;
    }

    public string? Owner { get; }

    public string Name { get; }

    /// <summary>The received bytes, positioned at 0.</summary>
    public FileStream File { get; }

    /// <summary>
    /// Reads the form. <paramref name="ownerSeen"/> runs as soon as the owner field is read: an owner sent before the
    /// file (as the web client does) is refused before any of the file is taken in.
    /// </summary>
    public static async Task<StagedUpload> ReadAsync(HttpRequest request, long maxBytes, Func<string?, Task> ownerSeen, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw CollabException.Invalid("the upload is a multipart/form-data form with the fields file and owner");
        }
        var reader = new MultipartReader(boundary, request.Body);
        string? owner = null;
        var ownerChecked = false;
        FileStream? file = null;
        string? name = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (field == "owner" && owner is null && file is null)
                {
                    owner = await ReadFieldAsync(section.Body, cancellationToken);
                    await ownerSeen(owner);
                    ownerChecked = true;
                }
                else if (field == "owner" && owner is null)
                {
                    owner = await ReadFieldAsync(section.Body, cancellationToken);
                }
                else if (field == "file" && file is null)
                {
                    name = FileName(disposition);
                    file = NewTemporaryFile();
                    await CopyWithinAsync(section.Body, file, maxBytes, cancellationToken);
                }
            }
            if (file is null)
            {
                throw CollabException.Invalid("the form has no file");
            }
            if (!ownerChecked)
            {
                await ownerSeen(owner);
            }
            file.Position = 0;
            return new StagedUpload(owner, name!, file);
        }
        catch
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }
            throw;
        }
    }

    public ValueTask DisposeAsync() => File.DisposeAsync();

    private static FileStream NewTemporaryFile() => new(Path.Combine(Path.GetTempPath(), $"collab-upload-{Guid.NewGuid():N}"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);

    private static async Task CopyWithinAsync(Stream source, Stream target, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw CollabException.TooLarge($"the file is larger than {maxBytes} bytes");
            }
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        var buffer = new char[MaxFieldChars + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (read > MaxFieldChars)
        {
            throw CollabException.Invalid($"a form field is longer than {MaxFieldChars} characters");
        }
        return new string(buffer, 0, read);
    }

    /// <summary>The name as a person gave it, without any folder part or control character, at most 200 characters.</summary>
    private static string FileName(ContentDispositionHeaderValue disposition)
    {
        var given = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
        var name = new string(given[(given.LastIndexOfAny(['/', '\\']) + 1)..].Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            throw CollabException.Invalid("the file has no name");
        }
        return name.Length > 200 ? name[..200] : name;
    }
}
