namespace Collab.Grains.Tutoring;

/// <summary>The periods of tutoring rooms, bound from <c>Collab:Tutoring</c>.</summary>
public sealed class TutoringOptions
{
    public const string Section = "Collab:Tutoring";

    /// <summary>Both sides get <c>session.warning</c> this long before the slot ends.</summary>
    public TimeSpan WarningBefore { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>An admitted student not connected to the room within this period is skipped (<c>no_show</c>).</summary>
    public TimeSpan NoShowGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A running session survives the student's dropped connection for this long.</summary>
    public TimeSpan DisconnectGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an active room checks its running session's deadlines and the student's presence.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    public SessionTimings Timings => new(WarningBefore, NoShowGrace, DisconnectGrace);
}
