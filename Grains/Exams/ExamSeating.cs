using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

/// <summary>
/// Who sits and who proctors in which room of one exam (PROTOCOL §7), and the audience groups that keep a room's
/// roster, announcements and irregularities within it: a room's proctors hear <see cref="ProctorsOf"/>, its students
/// and proctors <see cref="RoomOf"/>; the author and admins hear <see cref="AllProctors"/> and every room.
/// </summary>
public sealed class ExamSeating
{
    public const string AllProctors = "proctors";

    private readonly Dictionary<string, string> _roomOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExamRoom> _rooms = new(StringComparer.Ordinal);

    public ExamSeating(IReadOnlyList<ExamRoom> rooms)
    {
        Rooms = rooms;
        foreach (var room in rooms)
        {
            _rooms[room.Id] = room;
            foreach (var studentId in room.StudentIds)
            {
                _roomOf[studentId] = room.Id;
            }
        }
    }

    public IReadOnlyList<ExamRoom> Rooms { get; }

    public static string ProctorsOf(string roomId) => $"proctors:{roomId}";

    public static string RoomGroup(string roomId) => $"room:{roomId}";

    public string? RoomIdOf(string studentId) => _roomOf.GetValueOrDefault(studentId);

    public ExamRoom? Room(string roomId) => _rooms.GetValueOrDefault(roomId);

    /// <summary>The rooms this user proctors, in the exam's order.</summary>
    public IReadOnlyList<string> RoomsProctoredBy(string userId) =>
        Rooms.Where(room => room.ProctorIds.Contains(userId)).Select(room => room.Id).ToList();
}
