using Collab.Grains.Interfaces.Directory;
using Microsoft.Extensions.Options;

namespace Collab.Api.CityDirectory;

/// <summary>
/// Watches the deactivated users for this node: registers <see cref="DeactivatedUsers"/> with the grain and renews the
/// watch well inside its lease, taking the whole set each time, so a node that missed a change, or a grain that moved
/// to another silo, is set right within one renewal.
/// </summary>
public sealed class DeactivationWatch(IGrainFactory grains, DeactivatedUsers users, IOptions<DeactivationWatchOptions> options,
    ILogger<DeactivationWatch> logger) : BackgroundService
{
    private IDeactivationObserver? _reference;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _reference = grains.CreateObjectReference<IDeactivationObserver>(users);
        var grain = grains.GetGrain<IDeactivatedUsersGrain>(0);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.Renewal;
            try
            {
                users.Replace(await grain.WatchAsync(_reference));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not watch the deactivated users; trying again");
                wait = options.Value.Retry;
            }
            try
            {
                await Task.Delay(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_reference is not null)
        {
            try
            {
                await grains.GetGrain<IDeactivatedUsersGrain>(0).UnwatchAsync(_reference);
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "The watch of the deactivated users ends with its lease");
            }
            grains.DeleteObjectReference<IDeactivationObserver>(_reference);
        }
    }
}
