namespace Collab.Grains.Homework;

/// <summary>Bound from <c>Collab:Homework</c>.</summary>
public sealed class HomeworkOptions
{
    public const string Section = "Collab:Homework";

    /// <summary>How often the due reminder fires again after the due time until the homework is closed (a failed close retries).</summary>
    public TimeSpan DueReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
