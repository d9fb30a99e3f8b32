using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Collab.Silo.Hosting;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Api.Hosting;

/// <summary>
/// The hub connections this Api node holds now, by hub (<c>collab.hub.connections</c>, hub=GroupsHub, ExamHub…): an
/// observable gauge, counted as connections open and close. ASP.NET Core's own
/// <c>signalr.server.active_connections</c> gives the node's total, by transport, but not which feature holds them.
/// </summary>
public sealed class HubConnectionGauge : IHubFilter
{
    public const string Name = "collab.hub.connections";

    private readonly ConcurrentDictionary<string, Count> _byHub = new();

    public HubConnectionGauge(IMeterFactory meters)
    {
        var meter = meters.Create(CollabTelemetry.MeterName);
        meter.CreateObservableGauge(Name, Observe, "{connection}", "hub connections open on this node, by hub");
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        // Counted once the hub accepted it: a connection refused in OnConnectedAsync never gets OnDisconnectedAsync.
        Interlocked.Increment(ref CountOf(context.Hub).Value);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        Interlocked.Decrement(ref CountOf(context.Hub).Value);
        await next(context, exception);
    }

    private Count CountOf(Hub hub) => _byHub.GetOrAdd(hub.GetType().Name, _ => new Count());

    private IEnumerable<Measurement<long>> Observe() =>
        _byHub.Select(pair => new Measurement<long>(Interlocked.Read(ref pair.Value.Value), new KeyValuePair<string, object?>("hub", pair.Key)));

    private sealed class Count
    {
        public long Value;
    }
}
