using Collab.Grains.Interfaces.Live;
using Collab.Api.Live;
using Microsoft.Extensions.Options;

namespace Collab.Api.Draining;

/// <summary>
/// A rolling upgrade or scale-down of Api nodes without surprising anyone: before anything else stops, this node turns
/// unready (so the load balancer sends no new connections), tells every connected client <c>server.draining</c> on
/// every hub (clients reconnect, through the load balancer, to another node, re-Join and Sync), and keeps serving for
/// <see cref="DrainOptions.Delay"/> while they move. Grain state is durable, so nothing else has to be handed over.
/// </summary>
public sealed class NodeDrain(IEnumerable<IDrainTarget> targets, IOptions<DrainOptions> options, TimeProvider time, ILogger<NodeDrain> logger)
    : IHostedLifecycleService
{
    public const string Stream = "server";
    public const string EventType = "server.draining";

    private volatile bool _draining;

    public bool Draining => _draining;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        var delay = options.Value.Delay;
        logger.LogInformation("Draining: telling clients to reconnect elsewhere, then serving {Delay} more", delay);
        var data = LiveJson.Serialize(new { reconnectAfterMs = 0, serverStopsInMs = (long)delay.TotalMilliseconds });
        var message = EventMessage.From(new Grains.Interfaces.Live.EventEnvelope(Stream, 0, EventType, time.GetUtcNow(), data));
        foreach (var target in targets)
        {
            try
            {
                await target.AnnounceAsync(message, cancellationToken);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Announcing the drain to a hub's clients failed");
            }
        }
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
