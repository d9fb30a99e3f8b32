using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using Orleans.Concurrency;

namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// One exam session (PROTOCOL §5): the paper, schedule and roster, the proctor's live view, announcements and the
/// irregularity log. It never hears of single answers: attempts report summarised progress, and results are read
/// from the attempts when asked for.
/// </summary>
[Alias("collab.IExamGrain")]
public interface IExamGrain : ILiveStreamGrain
{
    [Alias("Create")]
    Task<ExamView> CreateAsync(Caller caller, string specJson);

    [Alias("Update")]
    Task<ExamView> UpdateAsync(Caller caller, string specJson);

    [Alias("Publish")]
    Task<ExamView> PublishAsync(Caller caller);

    [Alias("Get")]
    Task<ExamView> GetAsync(Caller caller);

    /// <summary>The exam's line in its author's list (author or admin).</summary>
    [Alias("GetSummary")]
    Task<ExamSummary> GetSummaryAsync(Caller caller);

    /// <summary>What an attempt needs to prepare itself for a student on the roster; refuses anyone else.</summary>
    [Alias("GetCandidatePlan"), AlwaysInterleave]
    Task<CandidatePlan> GetCandidatePlanAsync(string studentId);

    /// <summary>The published paper, with keys: attempts grade with it. It never changes once published.</summary>
    [Alias("GetPaper"), AlwaysInterleave]
    Task<IReadOnlyList<PaperQuestion>> GetPaperAsync();

    [Alias("ReportProgress"), OneWay]
    Task ReportProgressAsync(CandidateProgress progress);

    /// <summary>
    /// To everyone (the author or an admin), or to one room's students and proctors; a proctor of one room announces to
    /// it without naming it, a proctor of several names the room.
    /// </summary>
    [Alias("Announce")]
    Task<AnnouncementMade> AnnounceAsync(Caller caller, string text, string? roomId);

    /// <summary>A proctor's action on a candidate: the author and admins on anyone, a room's proctor on their rooms' students.</summary>
    [Alias("ActOnCandidate")]
    Task<CandidateProgress> ActOnCandidateAsync(Caller caller, ProctorAction action);

    /// <summary>Sets a student's extra minutes (author or admin), before or during the exam; refused once they submitted.</summary>
    [Alias("SetAccommodation")]
    Task<CandidateProgress> SetAccommodationAsync(Caller caller, string studentId, int extraMinutes);

    /// <summary>The proctors' actions and the students' focus losses, oldest first, of the caller's rooms (all for the author).</summary>
    [Alias("GetIrregularities")]
    Task<IReadOnlyList<Irregularity>> GetIrregularitiesAsync(Caller caller);

    /// <summary>Lets the students see their own results; only once nobody is still writing.</summary>
    [Alias("PublishResults")]
    Task<ExamView> PublishResultsAsync(Caller caller);

    /// <summary>A student's own line of the results, once they are published.</summary>
    [Alias("GetMyResult")]
    Task<StudentResult> GetMyResultAsync(Caller caller);

    [Alias("GetResults")]
    Task<ExamResults> GetResultsAsync(Caller caller);

    /// <summary>Throws unless the caller may mark this exam (its author, one of its markers, or an admin); returns the short-answer question.</summary>
    [Alias("AuthorizeMarking")]
    Task<PaperQuestion> AuthorizeMarkingAsync(Caller caller, string questionId);
}
