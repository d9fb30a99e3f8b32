using Collab.Grains.Interfaces.Attachments;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams.Analysis;
using Collab.Grains.Interfaces.Exams.Regrading;
using Collab.Grains.Interfaces.Live;
using Orleans.Concurrency;

namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// One exam session (PROTOCOL §5): the paper, schedule and roster, the proctor's live view, announcements and the
/// irregularity log. It never hears of single answers: attempts report summarised progress, and results are read
/// from the attempts when asked for.
/// </summary>
[Alias("collab.IExamGrain")]
public interface IExamGrain : ILiveStreamGrain, IAttachmentOwnerGrain
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

    /// <summary>The exam's line in a rostered student's list; null before it is published or for anyone not on its roster.</summary>
    [Alias("GetCandidateExam"), AlwaysInterleave]
    Task<CandidateExam?> GetCandidateExamAsync(string studentId);

    /// <summary>What an attempt needs to prepare itself for a student on the roster; refuses anyone else.</summary>
    [Alias("GetCandidatePlan"), AlwaysInterleave]
    Task<CandidatePlan> GetCandidatePlanAsync(string studentId);

    /// <summary>The published paper, with keys: attempts grade with it. Only a key change (<see cref="ChangeKeyAsync"/>) changes it.</summary>
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

    /// <summary>
    /// Throws unless the caller may add to (<paramref name="upload"/>) or read the exam's files (PROTOCOL §9): its staff
    /// (author, admins, room proctors, markers) both; a rostered candidate reads once the paper is open to them.
    /// </summary>
    [Alias("AuthorizeFiles")]
    Task AuthorizeFilesAsync(Caller caller, bool upload);

    /// <summary>The results grouped by school, county, class or room (author and admins).</summary>
    [Alias("GetResultsBy")]
    Task<IReadOnlyList<ResultGroup>> GetResultsByAsync(Caller caller, string dimension);

    /// <summary>Difficulty, discrimination and option counts per question (author and admins).</summary>
    [Alias("GetItemAnalysis")]
    Task<IReadOnlyList<QuestionAnalysis>> GetItemAnalysisAsync(Caller caller);

    /// <summary>Results, every grouping and the item analysis at once, for the report and the downloads (author and admins).</summary>
    [Alias("GetAnalysis")]
    Task<ExamAnalysis> GetAnalysisAsync(Caller caller);

    /// <summary>
    /// Replaces an objective question's key after publishing (author and admins, with a reason) and regrades every
    /// attempt; the body is <c>{"answer","reason"}</c>, the answer checked as in the paper.
    /// </summary>
    [Alias("ChangeKey")]
    Task<Regrade> ChangeKeyAsync(Caller caller, string questionId, string bodyJson);

    /// <summary>Key changes, marks and arbitrations, oldest first (author and admins).</summary>
    [Alias("GetAudit")]
    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(Caller caller);
}
