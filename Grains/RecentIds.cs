namespace Collab.Grains;

/// <summary>
/// A user's list of ids kept by a per-user grain (their homework, classrooms, personal copies): each id once, newest last,
/// the oldest dropped past a bound, and durable before an add returns.
/// </summary>
public static class RecentIds
{
    /// <exception cref="Exception">whatever <paramref name="write"/> throws; the list is then as it was before.</exception>
    public static async Task AddAsync(List<string> ids, string id, int kept, Func<Task> write)
    {
        if (ids.Contains(id))
        {
            return;
        }
        var before = ids.ToList();
        ids.Add(id);
        if (ids.Count > kept)
        {
            ids.RemoveRange(0, ids.Count - kept);
        }
        try
        {
            await write();
        }
        catch
        {
            // Else a retry would find the id already in memory and return as though the list were durable.
            ids.Clear();
            ids.AddRange(before);
            throw;
        }
    }

    public static IReadOnlyList<string> NewestFirst(IEnumerable<string> ids) => ids.Reverse().ToList();
}
