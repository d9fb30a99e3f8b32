namespace Collab.Grains.LessonPreps;

/// <summary>
/// A comment anchored to a range of a section, in code points. The range moves with every later op of the section
/// (typing at its edges does not widen it), so it keeps pointing at the words it was written about.
/// </summary>
[GenerateSerializer, Alias("collab.lessonprep.LessonComment")]
public sealed class LessonComment
{
    [Id(0)]
    public string Id { get; set; } = "";

    [Id(1)]
    public string Section { get; set; } = "";

    [Id(2)]
    public int Start { get; set; }

    [Id(3)]
    public int End { get; set; }

    [Id(4)]
    public string Text { get; set; } = "";

    [Id(5)]
    public string UserId { get; set; } = "";

    [Id(6)]
    public string Name { get; set; } = "";

    [Id(7)]
    public DateTimeOffset At { get; set; }

    [Id(8)]
    public bool Resolved { get; set; }

    [Id(9)]
    public string? ResolvedBy { get; set; }
}
