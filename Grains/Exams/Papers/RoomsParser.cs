using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

/// <summary>
/// Reads the <c>rooms</c> of an exam's body (PROTOCOL §7). What the body alone shows is refused here: a room without
/// a proctor, an id used twice, a student named by two rooms. Whether classes overlap, every rostered student has a
/// room and the proctors are teachers is only known from the directory, at publishing (<see cref="ExamRosters"/>).
/// </summary>
internal static class RoomsParser
{
    private const int RoomIdLength = 32;

    public static IReadOnlyList<ExamRoom> Parse(JsonElement root)
    {
        if (JsonFields.Array(root, "rooms", "rooms") is not { } array)
        {
            return [];
        }
        if (array.GetArrayLength() > ExamLimits.Rooms)
        {
            throw CollabException.TooLarge($"an exam has at most {ExamLimits.Rooms} rooms");
        }
        var rooms = new List<ExamRoom>();
        var roomIds = new HashSet<string>(StringComparer.Ordinal);
        var seated = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var room = Room(item, $"rooms[{index++}]");
            if (!roomIds.Add(room.Id))
            {
                throw CollabException.Invalid($"room id {room.Id} is used more than once");
            }
            foreach (var studentId in room.StudentIds)
            {
                if (!seated.TryAdd(studentId, room.Id))
                {
                    throw CollabException.Invalid($"student {studentId} is in rooms {seated[studentId]} and {room.Id}; a student sits in one room");
                }
            }
            rooms.Add(room);
        }
        return rooms;
    }

    private static ExamRoom Room(JsonElement item, string label)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw CollabException.Invalid($"{label} must be an object");
        }
        var id = ExamSpecParser.Id(JsonFields.String(item, "id", $"{label}.id") ?? "", $"{label}.id", RoomIdLength);
        var name = TextFields.Required(JsonFields.String(item, "name", $"{label}.name"), $"{label}.name", ExamLimits.RoomNameLength);
        var proctors = Ids(item, "proctorIds", label, ExamLimits.ProctorsPerRoom);
        if (proctors.Count == 0)
        {
            throw CollabException.Invalid($"{label}.proctorIds must name at least one proctor");
        }
        return new ExamRoom(id, name, proctors, Ids(item, "classIds", label, ExamLimits.RosterClasses), Ids(item, "studentIds", label, ExamLimits.RosterSize));
    }

    private static IReadOnlyList<string> Ids(JsonElement item, string field, string label, int max) =>
        JsonFields.Array(item, field, $"{label}.{field}") is { } array
            ? ExamSpecParser.DistinctIds(array, $"{label}.{field}", "id", max)
            : [];
}
