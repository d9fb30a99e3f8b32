using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;

namespace Collab.Grains.Interfaces.Homework;

/// <summary>
/// The results side by side: one <see cref="ResultGroup"/> per class in the order the homework lists them (count,
/// submitted, and the submitted scores' mean, median, max and min), and the students' lines the caller may read.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.homework.HomeworkResults")]
public sealed record HomeworkResults(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Status,
    [property: Id(3)] decimal MaxScore,
    [property: Id(4)] IReadOnlyList<ResultGroup> Classes,
    [property: Id(5)] IReadOnlyList<StudentResult> Students,
    [property: Id(6)] int PendingMarking);
