using System.Text.Json;
using Collab.Api.Live;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Api.Exams;

/// <summary>
/// The reply of <c>StartAttempt</c>: PROTOCOL §5's status, paper, answers, deadline and serverNow, plus the two streams
/// this connection now follows with their current seq (the attempt's own events and the exam's announcements); a
/// submitted attempt also says how (<c>submitReason</c>) and the proctor's reason (<c>submitCause</c>), if any.
/// </summary>
public sealed record AttemptStarted(
    string Status,
    IReadOnlyList<StudentQuestion> Paper,
    IReadOnlyDictionary<string, JsonElement> Answers,
    DateTimeOffset? Deadline,
    DateTimeOffset ServerNow,
    DateTimeOffset? StartedAt,
    DateTimeOffset? SubmittedAt,
    string Stream,
    long Seq,
    string ExamStream,
    long ExamSeq,
    string? SubmitReason,
    string? SubmitCause)
{
    public static AttemptStarted From(AttemptView view, string attemptKey, string examId, long examSeq) => new(
        view.Status,
        view.Paper,
        view.AnswersJson.ToDictionary(a => a.Key, a => JoinResponse.Parse(a.Value)),
        view.Deadline,
        view.ServerNow,
        view.StartedAt,
        view.SubmittedAt,
        $"exam-attempts/{attemptKey}",
        view.Seq,
        $"exams/{examId}",
        examSeq,
        view.SubmitReason,
        view.SubmitCause);
}
