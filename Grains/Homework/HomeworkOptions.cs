namespace Collab.Grains.Homework;

/// <summary>Bound from <c>Collab:Homework</c>.</summary>
public sealed class HomeworkOptions
{
    public const string Section = "Collab:Homework";

    /// <summary>How often the due reminder fires again after the due time until the homework is closed (a failed close retries).</summary>
    public TimeSpan DueReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How soon an activation that finds members not yet listed lists them (a new homework lists them at once).</summary>
    public TimeSpan ListingDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the listing reminder retries while a member's list (their home page) does not yet name the homework.</summary>
    public TimeSpan ListingReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
