using System.Collections.Concurrent;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Api.CityDirectory;

/// <summary>
/// This node's copy of the deactivated users (PROTOCOL §6), kept current by <see cref="DeactivationWatch"/>: their
/// requests are refused (<see cref="DeactivatedUserRefusal"/>), their hub calls too, and a deactivation closes their
/// open connections on this node at once rather than when their tokens expire.
/// </summary>
public sealed class DeactivatedUsers : IDeactivationObserver, IHubFilter
{
    private volatile HashSet<string> _users = new(StringComparer.Ordinal);
    private readonly object _change = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _connections = new(StringComparer.Ordinal);

    /// <summary>False until the first watch has answered, so readiness waits for it.</summary>
    public bool Known { get; private set; }

    public bool Contains(string userId) => _users.Contains(userId);

    /// <summary>The whole set, as a renewed watch returns it.</summary>
    public void Replace(IReadOnlyList<string> users)
    {
        lock (_change)
        {
            _users = new HashSet<string>(users, StringComparer.Ordinal);
            Known = true;
        }
        Disconnect(users);
    }

    public Task ChangedAsync(IReadOnlyList<string> deactivated, IReadOnlyList<string> reactivated)
    {
        lock (_change)
        {
            var users = new HashSet<string>(_users, StringComparer.Ordinal);
            users.UnionWith(deactivated);
            users.ExceptWith(reactivated);
            _users = users;
        }
        Disconnect(deactivated);
        return Task.CompletedTask;
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var user = context.Context.UserIdentifier;
        if (user is not null)
        {
            _connections.GetOrAdd(user, _ => new(StringComparer.Ordinal))[context.Context.ConnectionId] = context.Context;
            // A deactivation that landed between the request's check and this registration is not missed.
            if (Contains(user))
            {
                context.Context.Abort();
            }
        }
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.UserIdentifier is { } user && _connections.TryGetValue(user, out var connections))
        {
            connections.TryRemove(context.Context.ConnectionId, out _);
        }
        await next(context, exception);
    }

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next) =>
        context.Context.UserIdentifier is { } user && Contains(user)
            ? throw new HubException($"{ErrorCodes.Forbidden}: this account is deactivated")
            : next(context);

    private void Disconnect(IEnumerable<string> users)
    {
        foreach (var user in users)
        {
            if (_connections.TryGetValue(user, out var connections))
            {
                foreach (var connection in connections.Values)
                {
                    connection.Abort();
                }
            }
        }
    }
}
