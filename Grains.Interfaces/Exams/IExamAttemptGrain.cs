using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams.Analysis;
using Collab.Grains.Interfaces.Live;
using Orleans.Concurrency;

namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// One student's attempt at one exam, keyed <c>examId:studentId</c> (see <see cref="AttemptKeys"/>): their order,
/// answers, deadline and score. Its stream carries what concerns this student alone (submission, pause, time).
/// </summary>
[Alias("collab.IExamAttemptGrain")]
public interface IExamAttemptGrain : ILiveStreamGrain
{
    /// <summary>Draws the order and writes the attempt before the exam opens, so that starting does little work.</summary>
    [Alias("Prepare")]
    Task PrepareAsync(CandidatePlan plan);

    [Alias("Start")]
    Task<AttemptView> StartAsync(Caller caller);

    [Alias("SaveAnswer")]
    Task<AnswerSaved> SaveAnswerAsync(Caller caller, CommandId command, string questionId, string answerJson);

    [Alias("Submit")]
    Task<AttemptSubmitted> SubmitAsync(Caller caller);

    [Alias("ReportFocus")]
    Task ReportFocusAsync(Caller caller, bool lost, DateTimeOffset? at);

    /// <summary>A proctor's action, already authorized by the exam.</summary>
    [Alias("Apply")]
    Task<CandidateProgress> ApplyAsync(ProctorAction action);

    /// <summary>When the student's browser reported losing focus, oldest first (the latest <c>ProctoringLimits.FocusLossesKept</c>).</summary>
    [Alias("GetFocusLosses")]
    Task<IReadOnlyList<DateTimeOffset>> GetFocusLossesAsync();

    [Alias("GetProgress")]
    Task<CandidateProgress> GetProgressAsync();

    [Alias("GetResult")]
    Task<StudentResult> GetResultAsync();

    /// <summary>The text of a short answer, for marking. Read-only and durable once submitted, so it may interleave.</summary>
    [Alias("GetShortAnswer"), AlwaysInterleave]
    Task<string> GetShortAnswerAsync(string questionId);

    /// <summary>What a submitted attempt chose, for item analysis.</summary>
    [Alias("GetResponses")]
    Task<AttemptResponses> GetResponsesAsync();

    /// <summary>
    /// Takes in the paper of a key change; a submitted attempt regrades its objective questions with it and stores the
    /// scores before answering. Revisions at or below the last one taken in change nothing, so the exam may repeat it.
    /// </summary>
    [Alias("Regrade")]
    Task RegradeAsync(int keyRevision, IReadOnlyList<PaperQuestion> paper);
}
