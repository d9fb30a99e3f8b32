using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Tutoring;
using Collab.Grains.Interfaces.Tutoring.Events;

namespace Collab.Grains.Tutoring;

/// <summary>
/// The running session's whiteboard (PROTOCOL §4): its participants' strokes within the session's bounds, clearing
/// it, and the points a finished session's strokes leave behind in the retained window. Pure, like the
/// <see cref="TutoringRoomDocument"/> it belongs to; a stroke is applied by <see cref="Record"/> both when it is drawn
/// and when activation replays it.
/// </summary>
public sealed class SessionBoard(string id, TutoringRoomState state, TutoringRoomDocument room)
{
    /// <summary>Validates a participant's stroke against the session's bounds and puts it on the board.</summary>
    public StrokeDrawnEvent Draw(Caller caller, StrokeInput input, DateTimeOffset now)
    {
        var session = room.RequireParticipant(caller);
        var stroke = StrokeRules.Validate(input, TutoringLimits.PointsPerStroke, caller.UserId, now);
        if (session.StrokesDrawn >= TutoringLimits.StrokesPerSession)
        {
            throw CollabException.TooLarge($"a session has at most {TutoringLimits.StrokesPerSession} strokes");
        }
        if (session.PointsDrawn + stroke.Points.Length > TutoringLimits.PointsPerSession)
        {
            throw CollabException.TooLarge($"a session has at most {TutoringLimits.PointsPerSession} points in all its strokes");
        }
        if (session.Board.Exists(s => s.StrokeId == stroke.StrokeId))
        {
            throw CollabException.Conflict($"stroke {stroke.StrokeId} is already on the board");
        }
        var drawn = new StrokeDrawnEvent(stroke.StrokeId, stroke.UserId, stroke.Points, stroke.Color, stroke.Width, stroke.At);
        Record(drawn);
        return drawn;
    }

    /// <summary>Puts a stroke on the running session's board and counts it against the session's bounds.</summary>
    public void Record(StrokeDrawnEvent stroke)
    {
        var session = state.Session ?? throw new InvalidOperationException($"room {id} has a stroke outside a session");
        session.Board.Add(new BoardStroke(stroke.StrokeId, LiveJson.Serialize(stroke)));
        session.StrokesDrawn++;
        session.PointsDrawn += stroke.Points?.Count ?? 0;
    }

    /// <summary>Empties the board; what was drawn still counts against the session's bounds.</summary>
    public BoardClearedEvent Clear(Caller caller)
    {
        var session = room.RequireParticipant(caller);
        session.Board.Clear();
        return new BoardClearedEvent(session.SessionId, caller.UserId);
    }

    /// <summary>
    /// The retained event window is part of the room's state, written whole with every change: once a session is over,
    /// its strokes' points leave the window (their ids stay), so old boards do not weigh on every later write.
    /// </summary>
    public void DropPointsFromRetainedEvents()
    {
        var events = state.Log.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var envelope = events[i];
            if (envelope.Seq > state.StrokesTrimmedThroughSeq && envelope.Type == StrokeDrawnEvent.Type)
            {
                var stroke = LiveJson.Deserialize<StrokeDrawnEvent>(envelope.DataJson);
                events[i] = envelope with { DataJson = LiveJson.Serialize(stroke.WithoutDrawing()) };
            }
        }
        state.StrokesTrimmedThroughSeq = state.Log.Seq;
    }
}
