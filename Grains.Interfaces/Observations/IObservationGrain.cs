using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using Orleans.Concurrency;

namespace Collab.Grains.Interfaces.Observations;

/// <summary>
/// One observed lesson (网上听评课, PROTOCOL §3) in a teaching-research group: colleagues take timestamped notes and
/// score a rubric while the lesson is live; the aggregate grows as they do; afterwards the observed teacher gets a report.
/// </summary>
[Alias("collab.IObservationGrain")]
public interface IObservationGrain : ILiveStreamGrain
{
    /// <summary>Schedules the observation in a group (group leader, or the observed teacher themselves) and lists it in the group's sessions.</summary>
    [Alias("Create")]
    Task<ObservationInfo> CreateAsync(Caller caller, string groupId, CreateObservation command);

    /// <summary>Replaces the rubric while the lesson is still scheduled; it is fixed from Start on.</summary>
    [Alias("SetRubric")]
    Task<ObservationInfo> SetRubricAsync(Caller caller, Rubric rubric);

    [Alias("Start")]
    Task<LessonTimes> StartAsync(Caller caller);

    [Alias("End")]
    Task<LessonTimes> EndAsync(Caller caller);

    /// <summary>A note about the moment <paramref name="at"/> of the lesson (now when null); private notes reach their author alone.</summary>
    [Alias("AddNote")]
    Task<NoteAdded> AddNoteAsync(Caller caller, CommandId command, string text, DateTimeOffset? at, string visibility);

    /// <summary>Stores or replaces the caller's rating: a score 1–5 for every rubric dimension and an optional comment.</summary>
    [Alias("Rate")]
    Task<RatingAccepted> RateAsync(Caller caller, CommandId command, IReadOnlyDictionary<string, int> scores, string? comment);

    /// <summary>Makes the report final after the lesson ended: ratings close and <c>report.ready</c> is broadcast.</summary>
    [Alias("FinalizeReport")]
    Task<ObservationReport> FinalizeReportAsync(Caller caller);

    [Alias("GetReport")]
    Task<ObservationReport> GetReportAsync(Caller caller);

    /// <summary>
    /// Told by the group when a member leaves or is removed, so their open connections stop receiving this lesson's
    /// notes and ratings at once. Interleaves because the observation may itself be waiting on the group.
    /// </summary>
    [Alias("MemberRemoved"), AlwaysInterleave]
    Task MemberRemovedAsync(string userId);
}
