namespace Collab.Grains.Exams;

/// <summary>
/// What one proctor of an exam oversees: every candidate (its author or an admin, <see cref="All"/>) or the students
/// of their rooms (PROTOCOL §7).
/// </summary>
public sealed record ProctorScope(bool All, IReadOnlySet<string> RoomIds)
{
    public static readonly ProctorScope Everyone = new(true, new HashSet<string>());

    /// <summary>Whether a student of <paramref name="roomId"/> (null: seated in no room) is within this scope.</summary>
    public bool Covers(string? roomId) => All || (roomId is not null && RoomIds.Contains(roomId));
}
