using System.Text.Json.Serialization;
using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>
/// One section as clients see it; <see cref="Assignee"/> is null when nobody is responsible for it. A text section has
/// its <see cref="Text"/>; a rich one its <see cref="Content"/>, a Quill Delta (PROTOCOL §9), and an empty text.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.lessonprep.LessonSectionView")]
public sealed record LessonSectionView(
    [property: Id(0)] string Key,
    [property: Id(1)] string Title,
    [property: Id(2)] string Text,
    [property: Id(3)] string? Assignee,
    [property: Id(4)] string? Format = null,
    [property: Id(5), JsonConverter(typeof(RawJsonStringConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Content = null)
{
    /// <summary>Versions saved before rich text existed have no format, and are text.</summary>
    [JsonIgnore]
    public bool IsRich => Format == SectionFormats.Rich;
}
