using System.IO.Compression;
using System.Text;

namespace Collab.Api.Attachments;

/// <summary>
/// The allowed types, told by the bytes rather than by the name or the type the client sent: PNG, JPEG, GIF, WebP,
/// PDF, Word, Excel and PowerPoint documents (a zip whose <c>[Content_Types].xml</c> names the main part), and UTF-8
/// plain text. Anything else is not stored.
/// </summary>
public static class AttachmentTypes
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public const string Text = "text/plain; charset=utf-8";

    /// <summary>The main part's content type in <c>[Content_Types].xml</c> of each Office document kind.</summary>
    private static readonly (string MainPart, string Type)[] Office =
    [
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", Docx),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", Xlsx),
        ("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", Pptx),
    ];

    private const int ContentTypesMaxBytes = 1024 * 1024;

    public static bool IsImage(string contentType) => contentType is Png or Jpeg or Gif or WebP;

    /// <summary>The type of a whole, seekable file, or null when it is none of the allowed ones; leaves the position at 0.</summary>
    public static string? Sniff(Stream file)
    {
        try
        {
            file.Position = 0;
            Span<byte> head = stackalloc byte[16];
            var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            head = head[..read];
            if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            {
                return Png;
            }
            if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
            {
                return Jpeg;
            }
            if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            {
                return Gif;
            }
            if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            {
                return WebP;
            }
            if (head.StartsWith("%PDF-"u8))
            {
                return Pdf;
            }
            if (head.StartsWith(new byte[] { 0x50, 0x4B, 0x03, 0x04 }))
            {
                file.Position = 0;
                return OfficeType(file);
            }
            file.Position = 0;
            return read > 0 && IsPlainText(file) ? Text : null;
        }
        finally
        {
            file.Position = 0;
        }
    }

    private static string? OfficeType(Stream file)
    {
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var entry = zip.GetEntry("[Content_Types].xml");
            if (entry is null || entry.Length > ContentTypesMaxBytes)
            {
                return null;
            }
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            var types = reader.ReadToEnd();
            return Office.FirstOrDefault(office => types.Contains($"ContentType=\"{office.MainPart}\"", StringComparison.Ordinal)).Type;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Valid UTF-8 throughout, with no control character but tab, line feed, carriage return and form feed.</summary>
    private static bool IsPlainText(Stream file)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 1];
        try
        {
            int read;
            while ((read = file.Read(bytes)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                if (chars.AsSpan(0, count).ContainsAnyInRange('\0', '\b') || chars.AsSpan(0, count).ContainsAnyInRange('\x0e', '\x1f')
                    || chars.AsSpan(0, count).Contains('\x0b') || chars.AsSpan(0, count).Contains('\x7f'))
                {
                    return false;
                }
            }
            return decoder.GetCharCount([], 0, 0, flush: true) == 0;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
