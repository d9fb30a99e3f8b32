namespace Collab.Grains.Tutoring;

/// <summary>
/// The deadline rules of a running session, as pure functions of its clock and the time. A session ends at the
/// first deadline that passed: the slot's end, the no-show deadline (a student never seen connected within the grace
/// after admission), or the disconnect deadline (a student seen, then offline longer than the grace). On a tie the
/// student-side reason wins, because it says more. Before any end, one warning is due per end time.
/// </summary>
public sealed class SessionRules(SessionTimings timings)
{
    public SessionDue Decide(SessionClock clock, DateTimeOffset now)
    {
        var ending = Ends(clock)
            .Where(end => end.At <= now)
            .OrderBy(end => end.At)
            .ThenBy(end => end.Due == SessionDue.TimeUp ? 1 : 0)
            .Select(end => end.Due)
            .FirstOrDefault(SessionDue.Nothing);
        if (ending != SessionDue.Nothing)
        {
            return ending;
        }
        return clock.WarnedForEndsAt != clock.EndsAt && now >= clock.EndsAt - timings.WarningBefore
            ? SessionDue.Warning
            : SessionDue.Nothing;
    }

    private IEnumerable<(SessionDue Due, DateTimeOffset At)> Ends(SessionClock clock)
    {
        yield return (SessionDue.TimeUp, clock.EndsAt);
        if (clock.StudentSeenAt is null)
        {
            yield return (SessionDue.NoShow, clock.AdmittedAt + timings.NoShowGrace);
        }
        else if (clock.OfflineSince is { } offline)
        {
            yield return (SessionDue.Disconnected, offline + timings.DisconnectGrace);
        }
    }
}
