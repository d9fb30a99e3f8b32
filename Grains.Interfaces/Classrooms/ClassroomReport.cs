namespace Collab.Grains.Interfaces.Classrooms;

/// <summary><c>GET /api/classrooms/{id}/report</c>: every pushed question, per class.</summary>
[GenerateSerializer, Immutable, Alias("collab.classrooms.ClassroomReport")]
public sealed record ClassroomReport(
    [property: Id(0)] string ClassroomId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Status,
    [property: Id(3)] IReadOnlyList<ClassroomClass> Classes,
    [property: Id(4)] IReadOnlyList<QuestionReport> Questions);

[GenerateSerializer, Immutable, Alias("collab.classrooms.QuestionReport")]
public sealed record QuestionReport(
    [property: Id(0)] string QuestionId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Stem,
    [property: Id(3)] string Status,
    [property: Id(4)] IReadOnlyList<ClassResult> PerClass,
    [property: Id(5)] TallyTotal Total);

/// <summary><see cref="CorrectRate"/> is correct / answered, 0 when none answered.</summary>
[GenerateSerializer, Immutable, Alias("collab.classrooms.ClassResult")]
public sealed record ClassResult(
    [property: Id(0)] string ClassId,
    [property: Id(1)] int Answered,
    [property: Id(2)] int Correct,
    [property: Id(3)] double CorrectRate,
    [property: Id(4)] IReadOnlyDictionary<string, int> Counts,
    [property: Id(5)] bool FromCount);
