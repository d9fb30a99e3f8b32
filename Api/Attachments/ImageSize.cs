using System.Buffers.Binary;

namespace Collab.Api.Attachments;

/// <summary>The pixel size a PNG, GIF or JPEG declares in its header, or null when the header is not readable.</summary>
public static class ImageSize
{
    public static (int Width, int Height)? Of(ReadOnlySpan<byte> image, string contentType) => contentType switch
    {
        // IHDR is the first chunk: width and height, big-endian, after the signature, length and type.
        AttachmentTypes.Png when image.Length >= 24 =>
            Positive(BinaryPrimitives.ReadInt32BigEndian(image[16..]), BinaryPrimitives.ReadInt32BigEndian(image[20..])),
        AttachmentTypes.Gif when image.Length >= 10 =>
            Positive(BinaryPrimitives.ReadUInt16LittleEndian(image[6..]), BinaryPrimitives.ReadUInt16LittleEndian(image[8..])),
        AttachmentTypes.Jpeg => Jpeg(image),
        _ => null,
    };

    /// <summary>Walks the segments to the first start-of-frame marker (C0–CF but DHT C4, JPG C8 and DAC CC).</summary>
    private static (int, int)? Jpeg(ReadOnlySpan<byte> image)
    {
        var at = 2;
        while (at + 9 <= image.Length)
        {
            if (image[at] != 0xFF)
            {
                return null;
            }
            var marker = image[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(image[(at + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                return Positive(BinaryPrimitives.ReadUInt16BigEndian(image[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(image[(at + 5)..]));
            }
            at += 2 + length;
        }
        return null;
    }

    private static (int, int)? Positive(int width, int height) => width > 0 && height > 0 ? (width, height) : null;
}
