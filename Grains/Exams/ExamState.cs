using Collab.Grains.Interfaces.Exams;
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

    /// <summary>The accommodations set, by student id; each attempt holds its own minutes for its deadline.</summary>
    [Id(20)]
    public Dictionary<string, Accommodation> Accommodations { get; set; } = [];
}
