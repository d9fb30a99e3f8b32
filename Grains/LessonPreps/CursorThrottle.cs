namespace Collab.Grains.LessonPreps;

/// <summary>
/// At most one published cursor move per user per <c>interval</c>: a move that comes sooner waits, and a later move
/// of the same user replaces it (the latest position wins), so a fast pointer is coalesced, never refused.
/// </summary>
public sealed class CursorThrottle<T>(TimeSpan interval)
{
    private readonly Dictionary<string, UserCursor> _users = [];

    /// <summary>The earliest time a waiting move may be published, or null when none waits.</summary>
    public DateTimeOffset? NextDue =>
        _users.Values.Where(u => u.HasWaiting).Select(u => (DateTimeOffset?)(u.LastPublished + interval)).Min();

    /// <summary>True when <paramref name="move"/> may be published now (and is counted as published); false when it waits.</summary>
    public bool TryPass(string userId, T move, DateTimeOffset now)
    {
        Forget(now);
        if (_users.TryGetValue(userId, out var user) && now < user.LastPublished + interval)
        {
            user.Waiting = move;
            user.HasWaiting = true;
            return false;
        }
        _users[userId] = new UserCursor { LastPublished = now };
        return true;
    }

    /// <summary>The waiting moves whose time has come, each counted as published now.</summary>
    public IReadOnlyList<(string UserId, T Move)> TakeDue(DateTimeOffset now)
    {
        var due = new List<(string, T)>();
        foreach (var (userId, user) in _users)
        {
            if (user.HasWaiting && now >= user.LastPublished + interval)
            {
                due.Add((userId, user.Waiting!));
                user.Waiting = default;
                user.HasWaiting = false;
                user.LastPublished = now;
            }
        }
        return due;
    }

    /// <summary>Users with nothing waiting and no recent move are dropped, so the map holds only active pointers.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (userId, user) in _users.Where(pair => !pair.Value.HasWaiting && now >= pair.Value.LastPublished + interval).ToList())
        {
            _users.Remove(userId);
        }
    }

    private sealed class UserCursor
    {
        public DateTimeOffset LastPublished { get; set; }

        public T? Waiting { get; set; }

        public bool HasWaiting { get; set; }
    }
}
