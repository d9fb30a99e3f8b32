namespace Collab.Grains.Interfaces.Classrooms;

/// <summary>
/// One class's answers to one question: from its students' devices, or, once its teacher sent a show-of-hands count,
/// that count (<see cref="FromCount"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.classrooms.ClassTally")]
public sealed record ClassTally(
    [property: Id(0)] string ClassId,
    [property: Id(1)] int Answered,
    [property: Id(2)] int Correct,
    [property: Id(3)] IReadOnlyDictionary<string, int> Counts,
    [property: Id(4)] bool FromCount);

[GenerateSerializer, Immutable, Alias("collab.classrooms.TallyTotal")]
public sealed record TallyTotal(
    [property: Id(0)] int Answered,
    [property: Id(1)] int Correct);
