using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Live;

namespace Collab.Grains.Exams;

[GenerateSerializer, Alias("collab.exams.AttemptState")]
public sealed class AttemptState : LiveState
{
    [Id(0)]
    public CandidatePlan? Plan { get; set; }

    [Id(1)]
    public AttemptOrder? Order { get; set; }

    /// <summary>An opaque reference markers see instead of the student.</summary>
    [Id(2)]
    public string AttemptRef { get; set; } = "";

    [Id(3)]
    public string Name { get; set; } = "";

    /// <summary>
    /// Answers as attempts begun before <c>exam_answer_slots</c> saved them; moved to the table when such an attempt
    /// activates, and empty ever after.
    /// </summary>
    [Id(4)]
    public Dictionary<string, SavedAnswer> Answers { get; set; } = [];

    [Id(5)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(6)]
    public int ExtraMinutes { get; set; }

    [Id(7)]
    public DateTimeOffset? PausedAt { get; set; }

    [Id(8)]
    public TimeSpan PausedTotal { get; set; }

    [Id(9)]
    public DateTimeOffset? SubmittedAt { get; set; }

    [Id(10)]
    public string SubmitReason { get; set; } = "";

    [Id(11)]
    public int FocusLosses { get; set; }

    [Id(12)]
    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>Points of every question graded at submission (objective ones, and short ones left blank).</summary>
    [Id(13)]
    public Dictionary<string, decimal> Scores { get; set; } = [];

    /// <summary>Short answers given, to be marked by teachers.</summary>
    [Id(14)]
    public List<string> AwaitingMarking { get; set; } = [];

    /// <summary>Whether the marking grains have the short answers; until then the deadline reminder keeps retrying.</summary>
    [Id(15)]
    public bool MarkingQueued { get; set; }

    /// <summary>The exam's last key revision this attempt has taken in (<see cref="IExamAttemptGrain.RegradeAsync"/>).</summary>
    [Id(20)]
    public int KeyRevision { get; set; }

    /// <summary>Extra minutes granted ahead (an accommodation, PROTOCOL §7); set, not added, unlike a proctor's <see cref="ExtraMinutes"/>.</summary>
    [Id(30)]
    public int AccommodationMinutes { get; set; }

    /// <summary>When the browser reported losing focus, the latest <see cref="ProctoringLimits.FocusLossesKept"/>, for the irregularity log.</summary>
    [Id(31)]
    public List<DateTimeOffset> FocusLostAt { get; set; } = [];

    /// <summary>The proctor's reason for a force-submit, shown to the student with the submission; empty otherwise.</summary>
    [Id(240)]
    public string SubmitCause { get; set; } = "";
}
