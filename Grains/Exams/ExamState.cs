using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Regrading;
using Collab.Grains.Live;

namespace Collab.Grains.Exams;

[GenerateSerializer, Alias("collab.exams.ExamState")]
public sealed class ExamState : LiveState
{
    [Id(0)]
    public ExamSpec? Spec { get; set; }

    [Id(1)]
    public string CreatedBy { get; set; } = "";

    [Id(2)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(3)]
    public DateTimeOffset? PublishedAt { get; set; }

    [Id(4)]
    public List<AnnouncementMade> Announcements { get; set; } = [];

    [Id(5)]
    public List<Irregularity> Irregularities { get; set; } = [];

    [Id(6)]
    public DateTimeOffset? ResultsPublishedAt { get; set; }

    /// <summary>The roster's names as the directory held them at publishing, by student id.</summary>
    [Id(7)]
    public Dictionary<string, string> RosterNames { get; set; } = [];

    /// <summary>Each rostered student's school, county and class as the directory held them at publishing.</summary>
    [Id(20)]
    public Dictionary<string, RosterPlacement> Placements { get; set; } = [];

    /// <summary>The key changes since publishing, each of which regraded every attempt.</summary>
    [Id(21)]
    public List<Regrade> Regrades { get; set; } = [];

    /// <summary>The exam's own audit lines (key changes); marks are logged by their marking queues.</summary>
    [Id(22)]
    public List<AuditEntry> Audit { get; set; } = [];

    /// <summary>How many key changes the paper has taken; every attempt is regraded up to it.</summary>
    [Id(23)]
    public int KeyRevision { get; set; }

    /// <summary>The key revision every attempt has taken in; below <see cref="KeyRevision"/> a regrade is unfinished.</summary>
    [Id(24)]
    public int RegradedRevision { get; set; }

    /// <summary>The accommodations set, by student id; each attempt holds its own minutes for its deadline.</summary>
    [Id(30)]
    public Dictionary<string, Accommodation> Accommodations { get; set; } = [];
}
