using Collab.Grains.Interfaces.LessonPreps;

namespace Collab.Grains.LessonPreps;

/// <summary>Bounds and defaults of a lesson plan; text fields in characters (UTF-16 code units), section text in code points.</summary>
public static class LessonPrepLimits
{
    public const int TitleLength = 100;
    public const int ShortFieldLength = 50;
    public const int Sections = 30;
    public const int OpsJsonBytes = 64 * 1024;
    public const int SectionCodePoints = 100_000;
    public const int CommentLength = 2000;
    public const int Comments = 2000;

    /// <summary>Named and automatic versions a plan keeps: each is a full copy of the plan in the version table.</summary>
    public const int Versions = 200;

    /// <summary>The section of a personal copy where its teacher writes the after-class reflection (课后反思).</summary>
    public static readonly SectionSpec Reflection = new("reflection", "课后反思");

    /// <summary>The sections of a Chinese lesson plan (教案) when the creator names none.</summary>
    public static readonly IReadOnlyList<SectionSpec> DefaultSections =
    [
        new("objectives", "教学目标"),
        new("key-points", "教学重难点"),
        new("process", "教学过程"),
        new("homework", "作业布置"),
        new("board-design", "板书设计"),
        new("reflection", "教学反思"),
    ];
}
