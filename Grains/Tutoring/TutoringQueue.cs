using Collab.Grains.Interfaces.Common;

namespace Collab.Grains.Tutoring;

/// <summary>
/// The fair queue of a room, over the list the room persists: first come first served, one entry per student, a
/// repeated request keeps its place, a cancelled one leaves. Positions start at 1 (the next to be admitted).
/// </summary>
public sealed class TutoringQueue(List<QueueEntry> entries, int capacity)
{
    public int Count => entries.Count;

    public IReadOnlyList<QueueEntry> Entries => entries;

    public int? PositionOf(string studentId)
    {
        var index = entries.FindIndex(e => e.StudentId == studentId);
        return index < 0 ? null : index + 1;
    }

    /// <summary>Queues the student at the back, or leaves an earlier request where it is; returns the position.</summary>
    /// <exception cref="CollabException">conflict: the queue is full.</exception>
    public int Request(QueueEntry entry)
    {
        if (PositionOf(entry.StudentId) is { } kept)
        {
            return kept;
        }
        if (entries.Count >= capacity)
        {
            throw CollabException.Conflict($"the queue is full ({capacity} students are waiting)");
        }
        entries.Add(entry);
        return entries.Count;
    }

    /// <summary>Removes the student's request; false when they were not waiting.</summary>
    public bool Cancel(string studentId) => entries.RemoveAll(e => e.StudentId == studentId) > 0;

    /// <summary>Removes and returns the head of the queue, or null when nobody waits.</summary>
    public QueueEntry? TakeNext()
    {
        if (entries.Count == 0)
        {
            return null;
        }
        var next = entries[0];
        entries.RemoveAt(0);
        return next;
    }

    public void Clear() => entries.Clear();

    public IReadOnlyDictionary<string, int> Positions() =>
        entries.Select((e, i) => (e.StudentId, Position: i + 1)).ToDictionary(p => p.StudentId, p => p.Position);

    /// <summary>The students still waiting whose position differs from <paramref name="before"/> (new ones included).</summary>
    public IReadOnlyList<(string StudentId, int Position)> MovedSince(IReadOnlyDictionary<string, int> before) =>
        Positions()
            .Where(p => !before.TryGetValue(p.Key, out var earlier) || earlier != p.Value)
            .Select(p => (p.Key, p.Value))
            .OrderBy(p => p.Value)
            .ToList();
}
