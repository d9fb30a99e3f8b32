using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Homework;

namespace Collab.Grains.Homework;

/// <summary>What the setter wrote (questions with their keys) and the classes it was set for, as the directory held them then.</summary>
[GenerateSerializer, Alias("collab.homework.HomeworkSheet")]
public sealed class HomeworkSheet
{
    [Id(0)]
    public required string Title { get; init; }

    [Id(1)]
    public required string Subject { get; init; }

    [Id(2)]
    public required DateTimeOffset DueAt { get; init; }

    [Id(3)]
    public string Status { get; set; } = HomeworkStatuses.Open;

    [Id(4)]
    public required string SetterId { get; init; }

    [Id(5)]
    public required string SetterName { get; init; }

    [Id(6)]
    public required List<HomeworkClass> Classes { get; init; }

    [Id(7)]
    public required List<PaperQuestion> Questions { get; init; }

    [Id(8)]
    public DateTimeOffset SetAt { get; init; }
}
