using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Observations;
using Microsoft.Extensions.Logging;

namespace Collab.Grains.Groups;

/// <summary>Tells the group's lesson plans and observed lessons that a member left, so they cut the member off at once.</summary>
internal sealed class MemberRemovalNotice(IGrainFactory grains, ILogger logger, string groupId)
{
    public Task TellWatchersAsync(GroupState group, string userId)
    {
        var plans = group.MemberWatchers.Select(plan =>
            TellAsync("lesson plan", plan, () => grains.GetGrain<ILessonPrepGrain>(plan).MemberRemovedAsync(userId)));
        var observations = group.Sessions.Where(s => s.Kind == ObservationGrain.SessionKind).Select(s => s.Id)
            .Union(group.ObservationWatchers)
            .Select(observation => TellAsync("observation", observation,
                () => grains.GetGrain<IObservationGrain>(observation).MemberRemovedAsync(userId)));
        return Task.WhenAll(plans.Concat(observations));
    }

    /// <summary>
    /// A watcher that cannot be told is most often one whose activation is gone with its silo, and its next activation
    /// reads the members afresh; one still running re-reads them within Collab:Live:MembersRereadInterval. So the
    /// failure is logged and the removal stands.
    /// </summary>
    private async Task TellAsync(string kind, string id, Func<Task> tell)
    {
        try
        {
            await tell();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Telling {Kind} {Id} that a member left group {Group} failed", kind, id, groupId);
        }
    }
}
