namespace Collab.Grains.Live;

/// <summary>Users whose online state flipped in one registry change; a flip and a flip back cancel out.</summary>
public sealed class PresenceChanges
{
    private readonly Dictionary<string, bool> _flips = [];

    public IEnumerable<(string UserId, bool Online)> Flips => _flips.Select(f => (f.Key, f.Value));

    public void Set(string userId, bool online)
    {
        if (_flips.TryGetValue(userId, out var earlier) && earlier != online)
        {
            _flips.Remove(userId);
            return;
        }
        _flips[userId] = online;
    }

    public void Merge(PresenceChanges other)
    {
        foreach (var (userId, online) in other.Flips)
        {
            Set(userId, online);
        }
    }
}
