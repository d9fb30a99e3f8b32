using Collab.Grains.Interfaces.LessonPreps;
using Collab.Ot;
using Collab.Ot.Rich;

namespace Collab.Grains.LessonPreps;

/// <summary>One section of a plan as the grain holds it; mutable because its text changes with every op.</summary>
[GenerateSerializer, Alias("collab.lessonprep.LessonSection")]
public sealed class LessonSection
{
    /// <summary>Quill's empty document: a rich section always ends with a line break, which holds its last line's format.</summary>
    public const string EmptyRichContent = """[{"insert":"\n"}]""";

    [NonSerialized]
    private Delta? _rich;

    [Id(0)]
    public string Key { get; set; } = "";

    [Id(1)]
    public string Title { get; set; } = "";

    /// <summary>A text section's text; empty in a rich section.</summary>
    [Id(2)]
    public string Text { get; set; } = "";

    [Id(3)]
    public string? Assignee { get; set; }

    /// <summary>Sections stored before rich text existed have none written, and read as text.</summary>
    [Id(4)]
    public string Format { get; set; } = SectionFormats.Text;

    /// <summary>A rich section's content as a Delta's JSON; null in a text section.</summary>
    [Id(5)]
    public string? Content
    {
        get => _rich?.ToJson() ?? _contentJson;
        set
        {
            _contentJson = value;
            _rich = null;
        }
    }

    [NonSerialized]
    private string? _contentJson;

    public bool IsRich() => Format == SectionFormats.Rich;

    /// <summary>What positions (cursors, comment anchors) count in: code points of text, UTF-16 units and embeds of a delta.</summary>
    public int Length() => IsRich() ? RichContent().Length : CodePoints.Count(Text);

    /// <summary>
    /// The parsed content, kept between ops so that an op does not reparse a section of 100,000 characters. Methods,
    /// not a property, so that the grain storage's JSON serializer writes only <see cref="Content"/>.
    /// </summary>
    public Delta RichContent() => _rich ??= Delta.Parse(_contentJson ?? EmptyRichContent);

    public void ReplaceRichContent(Delta content)
    {
        _rich = content;
        _contentJson = null;
    }
}
