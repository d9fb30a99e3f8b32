using System.Security.Claims;
using Collab.Api.Attachments;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Ot.Rich;
using Collab.Silo.Attachments;

namespace Collab.Api.LessonPreps;

/// <summary>
/// The images a plan's Word export embeds: each image embed whose url is an attachment (<c>/api/files/{id}</c>) that the
/// exporting user may read and that Word shows (PNG, JPEG, GIF). Any other embed stays a placeholder in the document.
/// </summary>
public static class DocxImages
{
    public static async Task<IReadOnlyDictionary<string, DocxImage>> LoadAsync(LessonPrepView plan, ClaimsPrincipal user, IAttachmentStore store,
        AttachmentAccess access, CancellationToken cancellationToken)
    {
        var images = new Dictionary<string, DocxImage>();
        foreach (var url in ImageUrls(plan))
        {
            if (!url.StartsWith(AttachmentLine.UrlPrefix, StringComparison.Ordinal))
            {
                continue;
            }
            AttachmentRecord record;
            try
            {
                record = await AttachmentEndpoints.ReadableAsync(url[AttachmentLine.UrlPrefix.Length..], user, store, access, cancellationToken);
            }
            catch (CollabException)
            {
                continue;
            }
            if (record.ContentType is not (AttachmentTypes.Png or AttachmentTypes.Jpeg or AttachmentTypes.Gif))
            {
                continue;
            }
            var bytes = new byte[record.Size];
            await using (var content = await store.OpenReadAsync(record.Id, cancellationToken))
            {
                await content.ReadExactlyAsync(bytes, cancellationToken);
            }
            if (ImageSize.Of(bytes, record.ContentType) is var (width, height))
            {
                images[url] = new DocxImage(bytes, record.ContentType, width, height);
            }
        }
        return images;
    }

    /// <summary>The distinct urls of the image embeds of a plan's rich sections.</summary>
    public static IEnumerable<string> ImageUrls(LessonPrepView plan) => plan.Sections
        .Where(section => section.IsRich)
        .SelectMany(section => RichLines.Blocks(Delta.Parse(section.Content ?? "[]")))
        .SelectMany(block => block.Lines)
        .SelectMany(line => line.Runs)
        .Where(run => run.Embed is { Type: "image" })
        .Select(run => run.Embed!.Value)
        .Distinct();
}
