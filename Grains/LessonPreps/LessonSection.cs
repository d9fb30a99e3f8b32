namespace Collab.Grains.LessonPreps;

/// <summary>One section of a plan as the grain holds it; mutable because its text changes with every op.</summary>
[GenerateSerializer, Alias("collab.lessonprep.LessonSection")]
public sealed class LessonSection
{
    [Id(0)]
    public string Key { get; set; } = "";

    [Id(1)]
    public string Title { get; set; } = "";

    [Id(2)]
    public string Text { get; set; } = "";

    [Id(3)]
    public string? Assignee { get; set; }
}
