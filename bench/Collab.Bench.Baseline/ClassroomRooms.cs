using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Bench.Baseline;

/// <summary>
/// B0's classrooms, in memory: who the staff are, the open question's key and each student's latest answer, and the
/// tally sent to the staff at most every 500 ms as Collab's is (answers between are folded into the next one, which a
/// timer sends). Nothing is checked or stored.
/// </summary>
public sealed class ClassroomRooms(IHubContext<ClassroomHub> hub)
{
    public static readonly TimeSpan TallyInterval = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<string, Room> _rooms = new();
    private long _lastRoom;

    public string Create(IEnumerable<string> staffIds)
    {
        var id = $"cr-{Interlocked.Increment(ref _lastRoom)}";
        _rooms[id] = new Room(id, staffIds.ToHashSet(StringComparer.Ordinal));
        return id;
    }

    public Room Get(string id) => _rooms.GetOrAdd(id, key => new Room(key, []));

    public static string StaffGroup(string id) => $"{id}/staff";

    /// <summary>Records an answer; answers whether the tally is due now (else the room's timer sends it).</summary>
    public void Answer(Room room, string studentId, JsonElement answer)
    {
        bool due;
        lock (room)
        {
            room.Answers[studentId] = answer.ValueKind == JsonValueKind.String && answer.GetString() == room.Key;
            room.Pending = true;
            due = DateTime.UtcNow - room.LastTally >= TallyInterval;
            if (!due && room.Timer is null)
            {
                room.Timer = new Timer(_ => _ = PublishPendingAsync(room), null, TallyInterval - (DateTime.UtcNow - room.LastTally), Timeout.InfiniteTimeSpan);
            }
        }
        if (due)
        {
            _ = PublishPendingAsync(room);
        }
    }

    public async Task PublishPendingAsync(Room room)
    {
        object? tally;
        lock (room)
        {
            room.Timer?.Dispose();
            room.Timer = null;
            tally = room.Pending ? Tally(room) : null;
            room.Pending = false;
            room.LastTally = DateTime.UtcNow;
        }
        if (tally is not null)
        {
            await hub.Clients.Group(StaffGroup(room.Id)).SendAsync("Event", new EventEnvelope($"classroom/{room.Id}", room.NextSeq(), "tally.updated", WireTime.Now(), tally));
        }
    }

    public static object Total(Room room) => new { answered = room.Answers.Count, correct = room.Answers.Values.Count(correct => correct) };

    private static object Tally(Room room) => new { questionId = room.QuestionId, total = Total(room) };

    public sealed class Room(string id, HashSet<string> staff)
    {
        private long _seq;

        public string Id => id;
        public HashSet<string> Staff => staff;
        public string? QuestionId { get; set; }
        public string? Key { get; set; }
        public Dictionary<string, bool> Answers { get; } = new(StringComparer.Ordinal);
        public bool Pending { get; set; }
        public DateTime LastTally { get; set; }
        public Timer? Timer { get; set; }

        public long Seq => Interlocked.Read(ref _seq);

        public long NextSeq() => Interlocked.Increment(ref _seq);
    }
}
