using System.Text.Json;
using Collab.Api.Live;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Api.Exams;

/// <summary>
/// Hub of PROTOCOL §5 at <c>/hubs/exam</c>. Join, Leave and Sync follow the exam's stream (a proctor's roster view, or
/// a candidate's announcements); <c>StartAttempt</c> also starts the flow of the student's own attempt stream, which
/// <c>SyncAttempt</c> catches up.
/// </summary>
public sealed class ExamHub(
    IGrainFactory grains,
    LiveStreamBridge<ExamHub, IExamGrain> bridge,
    LiveStreamBridge<ExamHub, IExamAttemptGrain> attempts)
    : LiveHub<ExamHub, IExamGrain>(grains, bridge)
{
    public async Task<AttemptStarted> StartAttempt(string examId)
    {
        var caller = Caller;
        var key = AttemptKey(examId, caller.UserId);
        var view = await Grains.GetGrain<IExamAttemptGrain>(key).StartAsync(caller);
        var exam = await Grain(examId).JoinAsync(caller);
        await Bridge.JoinAsync(examId, Context.ConnectionId, caller.UserId, exam.AudienceGroups, announce: false);
        await attempts.JoinAsync(key, Context.ConnectionId, caller.UserId);
        return AttemptStarted.From(view, key, examId, exam.Seq);
    }

    public Task<AnswerSaved> SaveAnswer(string examId, SaveAnswerRequest request) =>
        Attempt(examId).SaveAnswerAsync(Caller, Command(request.ClientId, request.ClientSeq), request.QuestionId ?? "",
            request.Answer.ValueKind == JsonValueKind.Undefined
                ? throw CollabException.Invalid("answer is required (null clears it)")
                : request.Answer.GetRawText());

    public Task<AttemptSubmitted> Submit(string examId) => Attempt(examId).SubmitAsync(Caller);

    public Task ReportFocus(string examId, FocusReport report) => Attempt(examId).ReportFocusAsync(Caller, report.Lost, report.At);

    public async Task<SyncResponse> SyncAttempt(string examId, long sinceSeq) =>
        SyncResponse.From(await Attempt(examId).SyncAsync(Caller, sinceSeq));

    public Task<AnnouncementMade> Announce(string examId, [FreeText] JsonElement announcement)
    {
        var (text, roomId) = AnnouncementRequest.Read(announcement);
        return Grain(examId).AnnounceAsync(Caller, text, roomId);
    }

    /// <summary>Takes the student's id alone (PROTOCOL §5) or <c>{studentId, reason}</c> (§7), under one method name.</summary>
    public Task<CandidateProgress> ForceSubmit(string examId, JsonElement target) =>
        Act(examId, ProctorAction.Submit, CandidateActionRequest.ReadTarget(target));

    public Task<CandidateProgress> Pause(string examId, CandidateActionRequest request) => Act(examId, ProctorAction.Pause, request);

    public Task<CandidateProgress> Resume(string examId, CandidateActionRequest request) => Act(examId, ProctorAction.Resume, request);

    /// <summary>PROTOCOL §5's earlier name of <see cref="Pause"/>.</summary>
    public Task<CandidateProgress> PauseCandidate(string examId, CandidateActionRequest request) => Pause(examId, request);

    /// <summary>PROTOCOL §5's earlier name of <see cref="Resume"/>.</summary>
    public Task<CandidateProgress> ResumeCandidate(string examId, CandidateActionRequest request) => Resume(examId, request);

    public Task<CandidateProgress> ExtendTime(string examId, CandidateActionRequest request) => Act(examId, ProctorAction.Extend, request);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await base.OnDisconnectedAsync(exception);
        await attempts.DropConnectionAsync(Context.ConnectionId);
    }

    private Task<CandidateProgress> Act(string examId, string kind, CandidateActionRequest request) =>
        Act(examId, new ProctorAction(request.StudentId ?? "", kind, kind == ProctorAction.Extend ? request.Minutes : 0, request.Why));

    private Task<CandidateProgress> Act(string examId, ProctorAction action) => Grain(examId).ActOnCandidateAsync(Caller, action);

    private IExamAttemptGrain Attempt(string examId) => Grains.GetGrain<IExamAttemptGrain>(AttemptKey(examId, Caller.UserId));

    private string AttemptKey(string examId, string studentId)
    {
        _ = Grain(examId);
        return examId.Contains(':')
            ? throw CollabException.Invalid("an exam id has no colon")
            : AttemptKeys.Of(examId, studentId);
    }
}
