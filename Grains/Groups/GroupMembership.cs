using Collab.Grains.Interfaces.Groups;

namespace Collab.Grains.Groups;

/// <summary>
/// The members of a group as a grain inside it (a lesson plan, an observation) knows them: the group's list, read
/// once per activation as the grain registers as a watcher, then kept current by the group, which tells every watcher
/// of each removal before the removal returns (<see cref="Removed"/>). A member added since is asked for once and then
/// known; a caller who is not a member is asked about every time, so they get in the moment they are added. The whole
/// list is read again every <c>rereadEvery</c> (one call, not one per member): that bounds the one case the telling
/// misses, the group's node failing between storing a removal and telling its watchers.
/// </summary>
public sealed class GroupMembership(Func<IGroupGrain> group, GroupWatcher watcher, TimeProvider time, TimeSpan rereadEvery)
{
    private Dictionary<string, string>? _roles;
    private DateTimeOffset _readAt;
    private Task? _loading;

    /// <summary>Counts removals, so that an answer that was on its way while one was told is used once and not kept.</summary>
    private long _removals;

    private readonly HashSet<string> _removedWhileLoading = [];

    /// <summary>The member's role in the group, or null when they are not a member.</summary>
    public async Task<string?> RoleOfAsync(string userId)
    {
        if (_roles is null || time.GetUtcNow() - _readAt >= rereadEvery)
        {
            await (_loading ??= LoadAsync());
        }
        if (_roles!.TryGetValue(userId, out var role))
        {
            return role;
        }
        var seen = _removals;
        var asked = await group().GetMemberRoleAsync(userId);
        if (asked is not null && seen == _removals)
        {
            _roles[userId] = asked;
        }
        return asked;
    }

    /// <summary>Told by the group: the user is no longer a member.</summary>
    public void Removed(string userId)
    {
        _removals++;
        _roles?.Remove(userId);
        if (_loading is not null)
        {
            _removedWhileLoading.Add(userId);
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            _readAt = time.GetUtcNow();
            var roles = await group().WatchMembersAsync(watcher);
            // The group may have told a removal before its list got here; whether the list has it or not, that user
            // is left out, and asked about afresh should they call.
            foreach (var userId in _removedWhileLoading)
            {
                roles.Remove(userId);
            }
            _removedWhileLoading.Clear();
            _roles = roles;
        }
        finally
        {
            _loading = null;
        }
    }
}
