namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// The body of <c>POST /api/exams</c> and <c>PUT /api/exams/{id}</c>, validated. <see cref="Markers"/> are the
/// teachers besides the author who mark short answers (double marking needs at least two markers).
/// <see cref="RosterClasses"/> are classes of the directory (PROTOCOL §6): their students join <see cref="Roster"/>
/// when the exam is published, and the roster is kept as it was then. <see cref="Rooms"/> (PROTOCOL §7) seat every
/// rostered student in exactly one room with its proctors; their students and classes join the roster too.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.ExamSpec")]
public sealed record ExamSpec(
    [property: Id(0)] string Title,
    [property: Id(1)] string Subject,
    [property: Id(2)] IReadOnlyList<PaperQuestion> Questions,
    [property: Id(3)] DateTimeOffset OpensAt,
    [property: Id(4)] int DurationMinutes,
    [property: Id(5)] int LateJoinMinutes,
    [property: Id(6)] IReadOnlyList<string> Roster,
    [property: Id(7)] bool ShuffleQuestions,
    [property: Id(8)] bool ShuffleOptions,
    [property: Id(9)] MarkingPolicy Marking,
    [property: Id(10)] IReadOnlyList<string>? Markers = null,
    [property: Id(11)] IReadOnlyList<string>? RosterClasses = null,
    [property: Id(20)] IReadOnlyList<ExamRoom>? Rooms = null);
