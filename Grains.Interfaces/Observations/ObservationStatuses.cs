namespace Collab.Grains.Interfaces.Observations;

/// <summary>
/// The life of an observed lesson: scheduled → live (Start) → ended (End; the report is readable, ratings still
/// replaceable) → finalized (FinalizeReport; the report is final and ratings are closed).
/// </summary>
public static class ObservationStatuses
{
    public const string Scheduled = "scheduled";
    public const string Live = "live";
    public const string Ended = "ended";
    public const string Finalized = "finalized";
}
