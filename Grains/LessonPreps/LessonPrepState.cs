using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.Live;

namespace Collab.Grains.LessonPreps;

/// <summary>
/// The snapshot of a plan. Between snapshots its ops live only in the op log (<see cref="ILessonOpLog"/>), whose rows
/// after <see cref="LiveState.Log"/>'s seq are replayed at activation.
/// </summary>
[GenerateSerializer, Alias("collab.lessonprep.LessonPrepState")]
public sealed class LessonPrepState : LiveState
{
    /// <summary>Null until the plan is created.</summary>
    [Id(0)]
    public string? GroupId { get; set; }

    [Id(1)]
    public string Title { get; set; } = "";

    [Id(2)]
    public string Subject { get; set; } = "";

    [Id(3)]
    public string Grade { get; set; } = "";

    [Id(4)]
    public string Phase { get; set; } = "";

    [Id(5)]
    public string LeadPreparer { get; set; } = "";

    [Id(6)]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The document revision: the number of ops applied to the plan, across all sections.</summary>
    [Id(7)]
    public long Revision { get; set; }

    [Id(8)]
    public List<LessonSection> Sections { get; set; } = [];

    [Id(9)]
    public List<LessonComment> Comments { get; set; } = [];

    [Id(10)]
    public long CommentCount { get; set; }

    /// <summary>The plan this one was copied from (二次备课), if any.</summary>
    [Id(11)]
    public string? ForkedFrom { get; set; }

    /// <summary>Set on a personal copy: the one teacher who may see and edit it.</summary>
    [Id(12)]
    public string? Owner { get; set; }

    /// <summary>On an original: the personal copies made of it.</summary>
    [Id(13)]
    public List<ForkRecord> Forks { get; set; } = [];

    // [Id(14)] held whether a copy had told its original of a reflection; ReportedReflection replaced it.

    /// <summary>On a personal copy: its owner's list of copies (<c>IUserLessonCopiesGrain</c>) names it.</summary>
    [Id(230)]
    public bool Listed { get; set; }

    /// <summary>On a personal copy: the reflection text its original last confirmed (<see cref="ForkReflections"/>); null for none.</summary>
    [Id(231)]
    public string? ReportedReflection { get; set; }

    /// <summary>On a personal copy: the original's title when it was forked.</summary>
    [Id(232)]
    public string? OriginTitle { get; set; }
}
