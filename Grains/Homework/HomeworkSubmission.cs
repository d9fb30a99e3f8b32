using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Homework;

/// <summary>A student's latest submission: the class they answer for, their answers by question id, and their teachers' marks of short answers.</summary>
[GenerateSerializer, Alias("collab.homework.HomeworkSubmission")]
public sealed class HomeworkSubmission
{
    [Id(0)]
    public required string ClassId { get; init; }

    [Id(1)]
    public Dictionary<string, StudentAnswer> Answers { get; set; } = new(StringComparer.Ordinal);

    [Id(2)]
    public DateTimeOffset SubmittedAt { get; set; }

    [Id(3)]
    public int Revision { get; set; }

    [Id(4)]
    public Dictionary<string, decimal> Marks { get; set; } = new(StringComparer.Ordinal);
}
