namespace Collab.Grains.Observations;

/// <summary>Pacing of an observation, bound from <c>Collab:Observations</c>.</summary>
public sealed class ObservationOptions
{
    public const string Section = "Collab:Observations";

    /// <summary>The least time between two <c>ratings.updated</c> events of one lesson; ratings in between are folded into the next.</summary>
    public TimeSpan RatingsBroadcastInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Notes one observer may add to one lesson within a minute; more are refused with <c>rate_limited</c>.</summary>
    public int NotesPerObserverPerMinute { get; set; } = 20;
}
