namespace Collab.Grains.Exams;

/// <summary>Exam timings, bound from <c>Collab:Exams</c>.</summary>
public sealed class ExamOptions
{
    public const string Section = "Collab:Exams";

    /// <summary>
    /// How often the durable deadline reminder ticks after its due time until the attempt is submitted and queued for
    /// marking. It is the backstop for a silo that died; Orleans allows no less than a minute unless told otherwise.
    /// </summary>
    public TimeSpan DeadlineReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The proctor's view is pushed at most this often, whatever the number of candidates (the issue asks for two a second).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>An attempt reports a changed answered-count at most this often; status changes go at once.</summary>
    public TimeSpan AnsweredReportInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts prepared together in one turn of the exam's preparation timer.</summary>
    public int PrepareBatch { get; set; } = 100;

    /// <summary>Attempts read at once when the results or the proctor's roster are gathered.</summary>
    public int FanOut { get; set; } = 64;

    /// <summary>
    /// Most answer saves one group commit writes (seven parameters each; PostgreSQL allows 65,535 per statement). Saves
    /// beyond it wait for the next write.
    /// </summary>
    public int AnswersPerWrite { get; set; } = 512;
}
