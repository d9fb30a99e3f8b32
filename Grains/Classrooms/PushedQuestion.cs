using Collab.Grains.Interfaces.Classrooms;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Classrooms;

/// <summary>A question the host pushed, with its key, its students' answers by student id and its teachers' counts by class id.</summary>
[GenerateSerializer, Alias("collab.classrooms.PushedQuestion")]
public sealed class PushedQuestion
{
    [Id(0)]
    public required PaperQuestion Question { get; init; }

    [Id(1)]
    public string Status { get; set; } = QuestionStatuses.Open;

    [Id(2)]
    public DateTimeOffset PushedAt { get; init; }

    [Id(3)]
    public Dictionary<string, RecordedAnswer> Answers { get; set; } = new(StringComparer.Ordinal);

    [Id(4)]
    public Dictionary<string, Dictionary<string, int>> Counts { get; set; } = new(StringComparer.Ordinal);
}
