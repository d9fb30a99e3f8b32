using System.Text.Json;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Tests.Cluster;

namespace Collab.Grains.Tests.Exams;

/// <summary>
/// DESIGN §3's "no hot grain": 500 candidates answer an exam and the session grain hears of them only through summarised
/// progress — a handful of calls per candidate for starting and submitting, none per answer.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExamRosterScaleTests(ClusterFixture fixture)
{
    private const int Candidates = 500;
    private const int AnswersEach = 4;

    private static readonly Caller Author = new("author-scale", "出卷老师", Roles.Teacher, "s-1", "c-1");

    private static Caller Candidate(int i) => new($"scale-{i:D3}", $"考生{i}", Roles.Student, "s-1", "c-1");

    private static string Spec(IEnumerable<string> roster) => JsonSerializer.Serialize(new
    {
        title = "全市信息技术统考",
        subject = "it",
        opensAt = DateTimeOffset.UtcNow.AddSeconds(-1),
        durationMinutes = 90,
        lateJoinMinutes = 30,
        roster,
        shuffleQuestions = true,
        shuffleOptions = true,
        questions = Enumerable.Range(1, AnswersEach).Select(i => new
        {
            id = $"q{i}",
            kind = "single",
            points = 5,
            stem = $"第{i}题",
            options = new[] { new { id = "a", text = "甲" }, new { id = "b", text = "乙" }, new { id = "c", text = "丙" } },
            answer = "b",
        }),
    });

    private static async Task ForEachCandidateAsync(Func<int, Task> work)
    {
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(Enumerable.Range(0, Candidates).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await work(i);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    [Fact]
    public async Task Five_hundred_candidates_answer_without_a_call_to_the_session_grain_per_answer()
    {
        var examId = $"ex-scale{Guid.NewGuid():N}";
        var exam = fixture.Grains.GetGrain<IExamGrain>(examId);
        await exam.CreateAsync(Author, Spec(Enumerable.Range(0, Candidates).Select(i => Candidate(i).UserId)));
        await exam.PublishAsync(Author);
        IExamAttemptGrain Attempt(int i) => fixture.Grains.GetGrain<IExamAttemptGrain>(AttemptKeys.Of(examId, Candidate(i).UserId));

        var reportsBefore = fixture.Calls.Count(typeof(ExamGrain), nameof(ExamGrain.ReportProgressAsync));
        await ForEachCandidateAsync(i => Attempt(i).StartAsync(Candidate(i)));
        await fixture.Calls.WaitForAsync(typeof(ExamGrain), nameof(ExamGrain.ReportProgressAsync), reportsBefore + Candidates, TimeSpan.FromSeconds(30));
        var beforeAnswers = fixture.Calls.Count(typeof(ExamGrain));
        var before = fixture.Calls.Snapshot();
        var savesBefore = fixture.Calls.Count(typeof(ExamAttemptGrain), nameof(ExamAttemptGrain.SaveAnswerAsync));
        await ForEachCandidateAsync(async i =>
        {
            for (var q = 1; q <= AnswersEach; q++)
            {
                await Attempt(i).SaveAnswerAsync(Candidate(i), new CommandId("tab", q), $"q{q}", q % 2 == 0 ? "\"b\"" : "\"a\"");
            }
        });
        var duringAnswers = fixture.Calls.Count(typeof(ExamGrain)) - beforeAnswers;
        var saves = fixture.Calls.Count(typeof(ExamAttemptGrain), nameof(ExamAttemptGrain.SaveAnswerAsync)) - savesBefore;
        await ForEachCandidateAsync(i => Attempt(i).SubmitAsync(Candidate(i)));
        await fixture.Calls.WaitForAsync(typeof(ExamGrain), nameof(ExamGrain.ReportProgressAsync), reportsBefore + 2 * Candidates, TimeSpan.FromSeconds(30));

        Assert.True(duringAnswers == 0, string.Join(", ", fixture.Calls.Snapshot().Where(c => before.GetValueOrDefault(c.Key) != c.Value).Select(c => $"{c.Key} {before.GetValueOrDefault(c.Key)}→{c.Value}")));
        Assert.Equal(Candidates * AnswersEach, saves);
        Assert.InRange(fixture.Calls.Count(typeof(ExamGrain), nameof(ExamGrain.ReportProgressAsync)) - reportsBefore, 2 * Candidates, 3 * Candidates);

        var results = await exam.GetResultsAsync(Author);
        Assert.Equal(Candidates, results.Students.Count);
        Assert.All(results.Students, s =>
        {
            Assert.Equal(AttemptStatuses.Submitted, s.Status);
            Assert.Equal(10m, s.Score);
        });
        Assert.Equal(10m, results.Stats.Median);
    }
}
