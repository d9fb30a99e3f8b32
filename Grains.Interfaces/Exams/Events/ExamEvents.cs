using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Interfaces.Exams.Events;

public sealed record ExamPublishedEvent(DateTimeOffset OpensAt, int DurationMinutes) : ILiveEvent
{
    public static string Type => "exam.published";
}

public sealed record ResultsPublishedEvent(DateTimeOffset At) : ILiveEvent
{
    public static string Type => "results.published";
}

/// <summary>To everyone sitting the exam, or with <see cref="RoomId"/> to that room's students and proctors.</summary>
public sealed record AnnouncementEvent(string Text, DateTimeOffset At, string? RoomId = null) : ILiveEvent
{
    public static string Type => "announcement";
}

/// <summary>To the exam's proctors only: the author and admins, and the proctors of the student's room.</summary>
public sealed record IrregularityRecordedEvent(DateTimeOffset At, string StudentId, string Kind, int Minutes, string Cause, string ByUserId) : ILiveEvent
{
    public static string Type => "irregularity.recorded";

    public static IrregularityRecordedEvent Of(Irregularity entry) => new(entry.At, entry.StudentId, entry.Kind, entry.Minutes, entry.Cause, entry.ByUserId);
}

public sealed record AttemptStartedEvent(DateTimeOffset StartedAt, DateTimeOffset Deadline) : ILiveEvent
{
    public static string Type => "attempt.started";
}

public sealed record AttemptPausedEvent(string Cause) : ILiveEvent
{
    public static string Type => "attempt.paused";
}

/// <summary>The paused time is added to the deadline.</summary>
public sealed record AttemptResumedEvent(DateTimeOffset Deadline, DateTimeOffset ServerNow) : ILiveEvent
{
    public static string Type => "attempt.resumed";
}

/// <summary>Null <see cref="Deadline"/>: extended before the candidate started.</summary>
public sealed record DeadlineChangedEvent(DateTimeOffset? Deadline, int ExtraMinutes, DateTimeOffset ServerNow) : ILiveEvent
{
    public static string Type => "deadline.changed";
}

/// <summary><see cref="Cause"/>: the proctor's reason for collecting the paper, when they gave one.</summary>
public sealed record AttemptSubmittedEvent(string Reason, DateTimeOffset SubmittedAt, string? Cause = null) : ILiveEvent
{
    public static string Type => "attempt.submitted";
}

/// <summary>
/// Ephemeral, to the proctors: the candidates whose progress changed since the last one, and the counts of the whole
/// roster (to the author and admins) or of the room (to its proctors).
/// </summary>
public sealed record ProgressUpdatedEvent(IReadOnlyList<CandidateProgress> Students, StatusCounts Counts) : ILiveEvent
{
    public static string Type => "progress.updated";
}

public sealed record StatusCounts(int Absent, int Active, int Paused, int Submitted);
