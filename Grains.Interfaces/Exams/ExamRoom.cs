namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// An exam room (考场) of PROTOCOL §7: its proctors, and the students who sit in it, named one by one or by the
/// directory's classes. At publishing <see cref="StudentIds"/> becomes every student of the room, its classes'
/// included, and is kept as it was then.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.ExamRoom")]
public sealed record ExamRoom(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> ProctorIds,
    [property: Id(3)] IReadOnlyList<string> ClassIds,
    [property: Id(4)] IReadOnlyList<string> StudentIds);
