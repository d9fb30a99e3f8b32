using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Classrooms;

/// <summary>A student's latest answer to one question, graded when it was given (the key cannot change).</summary>
[GenerateSerializer, Immutable, Alias("collab.classrooms.RecordedAnswer")]
public sealed record RecordedAnswer(
    [property: Id(0)] string ClassId,
    [property: Id(1)] StudentAnswer Answer,
    [property: Id(2)] bool Correct,
    [property: Id(3)] DateTimeOffset At);
