using Collab.Grains.Exams.Analysis;
using Collab.Grains.Exams.Regrading;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;
using Collab.Grains.Interfaces.Exams.Regrading;

namespace Collab.Grains.Exams;

/// <summary>
/// The exam grain's results (PROTOCOL §5 and §7): each student's line gathered from the attempts and the marking
/// queues, the analysis by school, county, class and room, key changes with their regrade, and the audit log.
/// </summary>
public sealed partial class ExamGrain
{
    public async Task<StudentResult> GetMyResultAsync(Caller caller)
    {
        Exam.RequireResultOf(caller.UserId);
        return FinalMarks.Apply(await Attempt(caller.UserId).GetResultAsync(), await FinalMarksAsync());
    }

    public async Task<ExamResults> GetResultsAsync(Caller caller)
    {
        Exam.RequireProctor(caller);
        Exam.RequirePublished();
        return Results(await StudentResultsAsync());
    }

    public async Task<IReadOnlyList<ResultGroup>> GetResultsByAsync(Caller caller, string dimension)
    {
        Exam.RequireAnalyst(caller);
        Exam.RequirePublished();
        var groupOf = Grouping(dimension);
        return ResultGroups.By(await StudentResultsAsync(), groupOf);
    }

    public async Task<IReadOnlyList<QuestionAnalysis>> GetItemAnalysisAsync(Caller caller)
    {
        Exam.RequireAnalyst(caller);
        Exam.RequirePublished();
        var students = await StudentResultsAsync();
        return ItemAnalysis.Compute(Spec.Questions, students, await FanOutAsync(studentId => Attempt(studentId).GetResponsesAsync()));
    }

    public async Task<ExamAnalysis> GetAnalysisAsync(Caller caller)
    {
        Exam.RequireAnalyst(caller);
        Exam.RequirePublished();
        var students = await StudentResultsAsync();
        var items = ItemAnalysis.Compute(Spec.Questions, students, await FanOutAsync(studentId => Attempt(studentId).GetResponsesAsync()));
        var groups = AnalysisDimensions.All.ToDictionary(dimension => dimension, dimension => ResultGroups.By(students, Grouping(dimension)));
        return new ExamAnalysis(Spec.Title, Spec.Subject, Spec.Questions, Results(students), groups, items);
    }

    public async Task<Regrade> ChangeKeyAsync(Caller caller, string questionId, string bodyJson)
    {
        Exam.RequireAnalyst(caller);
        Exam.RequirePublished();
        var question = Regrades.Question(questionId);
        var change = KeyChangeRequest.Parse(question, bodyJson);
        var regrade = await RunAsync(() => Regrades.Change(question, change, caller.UserId, Now));
        await RegradeAttemptsAsync();
        return regrade;
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(Caller caller)
    {
        Exam.RequireAnalyst(caller);
        var entries = new List<AuditEntry>(Regrades.Audit);
        foreach (var question in Exam.MarkedQuestions)
        {
            entries.AddRange(await GrainFactory.GetGrain<IExamMarkingGrain>(AttemptKeys.Of(Id, question.Id)).GetAuditAsync());
        }
        return entries.OrderBy(entry => entry.At).ToList();
    }

    public Task<PaperQuestion> AuthorizeMarkingAsync(Caller caller, string questionId) =>
        Task.FromResult(Exam.MarkableQuestion(caller, questionId));
    /// <summary>Every rostered student's line, regraded to the current key, with settled marks and their placement put in.</summary>
    private async Task<List<StudentResult>> StudentResultsAsync()
    {
        await RegradeAttemptsAsync();
        var results = await FanOutAsync(studentId => Attempt(studentId).GetResultAsync());
        var marked = await FinalMarksAsync();
        return results.Select(result => ResultPlacements.Apply(FinalMarks.Apply(result, marked), State.Placements)
            with { RoomId = Exam.Seating.RoomIdOf(result.StudentId) }).ToList();
    }

    private ExamResults Results(List<StudentResult> students) =>
        new(students, ResultStatistics.Compute(students, Spec.Questions), Regrades.All.ToList());

    private Func<StudentResult, ResultGrouping.Group> Grouping(string dimension) =>
        ResultGrouping.For(dimension, State.Placements, Exam.Seating.Rooms
            .SelectMany(room => room.StudentIds.Select(studentId => (studentId, group: new ResultGrouping.Group(room.Id, room.Name))))
            .ToDictionary(seat => seat.studentId, seat => seat.group, StringComparer.Ordinal));

    /// <summary>
    /// Brings every attempt to the current key revision; each attempt stores its regrade before it answers, and the
    /// revision is marked done only after all have, so an interrupted regrade is taken up again (idempotently).
    /// </summary>
    private async Task RegradeAttemptsAsync()
    {
        if (!Regrades.Pending)
        {
            return;
        }
        var revision = Regrades.Revision;
        var paper = Spec.Questions;
        await FanOutAsync(async studentId =>
        {
            await Attempt(studentId).RegradeAsync(revision, paper);
            return true;
        });
        await RunAsync(() => Regrades.Regraded(revision));
    }

    /// <summary>Settled marks of every short-answer question, by question id and then student id.</summary>
    private async Task<Dictionary<string, IReadOnlyDictionary<string, decimal>>> FinalMarksAsync()
    {
        var marked = new Dictionary<string, IReadOnlyDictionary<string, decimal>>();
        foreach (var question in Exam.MarkedQuestions)
        {
            marked[question.Id] = await GrainFactory.GetGrain<IExamMarkingGrain>(AttemptKeys.Of(Id, question.Id)).GetFinalMarksAsync();
        }
        return marked;
    }
}
