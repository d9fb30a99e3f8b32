using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Interfaces.Observations.Events;

public sealed record RubricChangedEvent(Rubric Rubric, string UserId) : ILiveEvent
{
    public static string Type => "rubric.changed";
}

public sealed record LessonStartedEvent(DateTimeOffset StartedAt, string UserId) : ILiveEvent
{
    public static string Type => "lesson.started";
}

public sealed record LessonEndedEvent(DateTimeOffset EndedAt, int DurationSeconds, string UserId) : ILiveEvent
{
    public static string Type => "lesson.ended";
}

/// <summary>A private note goes to its author alone; <see cref="OffsetSeconds"/> counts from the start of the lesson.</summary>
public sealed record NoteAddedEvent(string Id, string UserId, string Name, string Text, DateTimeOffset At, int OffsetSeconds, string Visibility) : ILiveEvent
{
    public static string Type => "note.added";
}

/// <summary>The live aggregate, throttled; <see cref="WeightedTotal"/> is null before the first rating.</summary>
public sealed record RatingsUpdatedEvent(int Count, IReadOnlyDictionary<string, double> Mean, double? WeightedTotal) : ILiveEvent
{
    public static string Type => "ratings.updated";
}

/// <summary>The report is final; <see cref="UserId"/> is null when it finalized by itself after the end.</summary>
public sealed record ReportReadyEvent(DateTimeOffset FinalizedAt, int Count, double WeightedTotal, string? UserId) : ILiveEvent
{
    public static string Type => "report.ready";
}
