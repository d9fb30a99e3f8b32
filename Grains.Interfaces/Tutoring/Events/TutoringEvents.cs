using System.Text.Json.Serialization;
using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Interfaces.Tutoring.Events;

public sealed record RoomOpenedEvent(string RoomId) : ILiveEvent
{
    public static string Type => "room.opened";
}

public sealed record RoomClosedEvent(string RoomId) : ILiveEvent
{
    public static string Type => "room.closed";
}

/// <summary>To the tutor and the admitted student only, like every event of a session.</summary>
public sealed record SessionStartedEvent(string SessionId, string StudentId, string StudentName, string Topic, DateTimeOffset StartedAt, DateTimeOffset EndsAt) : ILiveEvent
{
    public static string Type => "session.started";

    public static SessionStartedEvent Of(SessionStarted session) =>
        new(session.SessionId, session.StudentId, session.StudentName, session.Topic, session.StartedAt, session.EndsAt);
}

public sealed record SessionExtendedEvent(string SessionId, DateTimeOffset EndsAt) : ILiveEvent
{
    public static string Type => "session.extended";
}

public sealed record SessionWarningEvent(string SessionId, DateTimeOffset EndsAt, int SecondsLeft) : ILiveEvent
{
    public static string Type => "session.warning";
}

public sealed record SessionEndedEvent(string SessionId, string StudentId, string Reason, DateTimeOffset EndedAt) : ILiveEvent
{
    public static string Type => "session.ended";
}

/// <summary>
/// A stroke of the shared whiteboard: points as [x, y] pairs; one row of the event log. Once its session is over, the
/// copy a room keeps for <c>Sync</c> is <see cref="WithoutDrawing"/>: its id, author and time, <see cref="Trimmed"/>.
/// </summary>
public sealed record StrokeDrawnEvent(
    string StrokeId,
    string UserId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IReadOnlyList<double>>? Points,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Color,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Width,
    DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Trimmed = null) : ILiveEvent
{
    public static string Type => "stroke.drawn";

    public StrokeDrawnEvent WithoutDrawing() => this with { Points = null, Color = null, Width = null, Trimmed = true };
}

public sealed record BoardClearedEvent(string SessionId, string UserId) : ILiveEvent
{
    public static string Type => "board.cleared";
}

/// <summary>A chat line of the session; one row of the event log.</summary>
public sealed record ChatPostedEvent(string Id, string UserId, string Name, string Text, DateTimeOffset At, string ClientId, long ClientSeq) : ILiveEvent
{
    public static string Type => "chat.posted";
}

/// <summary>The tutor's message to everyone waiting.</summary>
public sealed record QueueMessageEvent(string Id, string Text, DateTimeOffset At) : ILiveEvent
{
    public static string Type => "queue.message";
}

/// <summary>
/// Ephemeral. The tutor gets the whole <see cref="Queue"/>; a waiting student whose place moved gets their
/// <see cref="Position"/> (1 is next); each sees only their own fields.
/// </summary>
public sealed record QueueChangedEvent(
    int Length,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<QueuedStudent>? Queue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Position) : ILiveEvent
{
    public static string Type => "queue.changed";
}

public sealed record QueuedStudent(string StudentId, string Name, string Topic, DateTimeOffset RequestedAt, int Position);

/// <summary>To the tutor and the admitted student: the image under the board changed; <c>background</c> null takes it away.</summary>
public sealed record BoardBackgroundEvent(string SessionId, string UserId, BoardBackground? Background) : ILiveEvent
{
    public static string Type => "board.background";
}
