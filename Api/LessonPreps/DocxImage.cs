namespace Collab.Api.LessonPreps;

/// <summary>An attachment's image as the Word export embeds it: its bytes, type and pixel size.</summary>
public sealed record DocxImage(byte[] Bytes, string ContentType, int WidthPixels, int HeightPixels);
