using System.Text.Json;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Tutoring;
using Collab.Grains.Interfaces.Tutoring.Events;

namespace Collab.Grains.Tutoring;

/// <summary>
/// What each reader of a room gets from its state: the Join snapshot (the tutor sees the queue and the session with its
/// notes; a student only their own place, or their own session), the queue pushes after a change, and the directory
/// listing. A waiting student never learns who else waits.
/// </summary>
public static class TutoringRoomViews
{
    public static object Snapshot(TutoringRoomInfo room, TutoringRoomState state, string userId, Func<IReadOnlyList<string>> online)
    {
        var session = state.Session;
        if (userId == room.TutorId)
        {
            return new
            {
                room,
                role = "tutor",
                queue = state.Queue.Select((e, i) => new { e.StudentId, e.Name, e.Topic, e.RequestedAt, position = i + 1 }),
                queueLength = state.Queue.Count,
                myPosition = (int?)null,
                online = online(),
                session = session is null ? null : SessionView(session, withNotes: true),
            };
        }
        var mine = session?.StudentId == userId ? session : null;
        var index = state.Queue.FindIndex(e => e.StudentId == userId);
        return new
        {
            room,
            role = mine is not null ? "admitted" : "student",
            queue = Array.Empty<object>(),
            queueLength = state.Queue.Count,
            myPosition = index < 0 ? (int?)null : index + 1,
            session = mine is null ? null : SessionView(mine, withNotes: false),
        };
    }

    private static object SessionView(TutoringSession session, bool withNotes) => new
    {
        session.SessionId,
        session.StudentId,
        session.StudentName,
        session.Topic,
        session.StartedAt,
        session.EndsAt,
        strokes = session.Board.Select(s => LiveJson.Deserialize<JsonElement>(s.Json)),
        chat = session.Chat,
        background = session.Background,
        notes = withNotes ? session.Notes : null,
    };

    /// <summary>
    /// The ephemeral <c>queue.changed</c> pushes a change calls for, each with its one listener: the whole queue to the
    /// tutor and to each waiting student whose place moved their new place; none when neither the length nor a place changed.
    /// </summary>
    public static IReadOnlyList<(QueueChangedEvent Change, string Audience)> QueueChanges(
        TutoringQueue queue, IReadOnlyDictionary<string, int> before, string tutorId)
    {
        var length = queue.Count;
        var moved = queue.MovedSince(before);
        if (moved.Count == 0 && length == before.Count)
        {
            return [];
        }
        var whole = queue.Entries.Select((e, i) => new QueuedStudent(e.StudentId, e.Name, e.Topic, e.RequestedAt, i + 1)).ToList();
        return moved.Select(m => (new QueueChangedEvent(length, null, m.Position), m.StudentId))
            .Prepend((new QueueChangedEvent(length, whole, null), tutorId))
            .ToList();
    }

    public static RoomListing Listing(TutoringRoomState state)
    {
        var room = state.Info!;
        return new RoomListing(room.Id, room.Title, room.Subject, room.TutorId, room.TutorName, room.SlotMinutes,
            state.Queue.Count, state.Session is not null, room.Open, state.ListingVersion);
    }
}
