namespace Collab.Grains.Observations;

/// <summary>Pacing of an observation, bound from <c>Collab:Observations</c>.</summary>
public sealed class ObservationOptions
{
    public const string Section = "Collab:Observations";

    /// <summary>The least time between two <c>ratings.updated</c> events of one lesson; ratings in between are folded into the next.</summary>
    public TimeSpan RatingsBroadcastInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Notes one observer may add to one lesson within a minute; more are refused with <c>rate_limited</c>.</summary>
    public int NotesPerObserverPerMinute { get; set; } = 20;

    /// <summary>
    /// How long after the lesson ends its report becomes final by itself, if the observed teacher or the group leader
    /// has not finalized it: ratings then close and <c>report.ready</c> goes out. Zero leaves it to them alone.
    /// </summary>
    public TimeSpan ReportFinalizesAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The period of the reminder that finalizes a report; it fires first after the shorter of this and
    /// <see cref="ReportFinalizesAfter"/>, and finalizes once that much time has passed since the end. A tick missed
    /// while no silo ran comes at most this much late.
    /// </summary>
    public TimeSpan FinalizeReminderPeriod { get; set; } = TimeSpan.FromHours(1);
}
