using Collab.Grains.Interfaces.Tutoring;

namespace Collab.Grains.Tutoring;

/// <summary>The running session of a room: who, until when, its board and chat (replayed to a participant who re-joins).</summary>
[GenerateSerializer, Alias("collab.tutoring.TutoringSession")]
public sealed class TutoringSession
{
    [Id(0)]
    public string SessionId { get; set; } = "";

    [Id(1)]
    public string StudentId { get; set; } = "";

    [Id(2)]
    public string StudentName { get; set; } = "";

    [Id(3)]
    public string Topic { get; set; } = "";

    [Id(4)]
    public DateTimeOffset StartedAt { get; set; }

    [Id(5)]
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>When the student was first seen connected after admission; null means not yet (the no-show rule).</summary>
    [Id(6)]
    public DateTimeOffset? StudentSeenAt { get; set; }

    [Id(7)]
    public DateTimeOffset? WarnedForEndsAt { get; set; }

    [Id(8)]
    public string Notes { get; set; } = "";

    /// <summary>The board as it stands (a clear empties it).</summary>
    [Id(9)]
    public List<BoardStroke> Board { get; set; } = [];

    /// <summary>Strokes and points drawn in the whole session, cleared ones included: the bounds count these.</summary>
    [Id(10)]
    public int StrokesDrawn { get; set; }

    [Id(11)]
    public int PointsDrawn { get; set; }

    [Id(12)]
    public List<ChatLine> Chat { get; set; } = [];

    /// <summary>The image under the board; a session starts without one, and a clear of the strokes keeps it.</summary>
    [Id(270)]
    public BoardBackground? Background { get; set; }
}
