namespace Collab.Grains.Interfaces.Exams;

/// <summary>One candidate's line of the proctor's roster: a summary, never an answer, with the room the candidate sits in and their accommodation (extra minutes granted ahead).</summary>
[GenerateSerializer, Immutable, Alias("collab.exams.CandidateProgress")]
public sealed record CandidateProgress(
    [property: Id(0)] string StudentId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Status,
    [property: Id(3)] int Answered,
    [property: Id(4)] DateTimeOffset? LastSeenAt,
    [property: Id(5)] int FocusLosses,
    [property: Id(6)] DateTimeOffset? Deadline,
    [property: Id(7)] DateTimeOffset? SubmittedAt,
    [property: Id(20)] string? RoomId = null,
    [property: Id(21)] int AccommodationMinutes = 0);
