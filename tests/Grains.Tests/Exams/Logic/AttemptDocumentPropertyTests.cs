using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Tests.Exams.Logic;

/// <summary>Random proctoring and saving sequences on one attempt, with fixed seeds, checked against a plain model.</summary>
public sealed class AttemptDocumentPropertyTests
{
    private static readonly DateTimeOffset OpensAt = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<PaperQuestion> Paper = SamplePaper.Questions();

    public static TheoryData<int> Seeds => new() { 1, 7, 42, 2026, 31337 };

    private static CandidatePlan Plan(int duration) => new("e-1", "author", OpensAt, duration, 15, true, true, new MarkingPolicy(MarkingPolicy.SingleMode, 0));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_deadline_is_the_start_plus_duration_and_extra_time_plus_every_pause(int seed)
    {
        var random = new Random(seed);
        var minute = TimeSpan.FromMinutes(1);
        for (var round = 0; round < 100; round++)
        {
            var plan = Plan(random.Next(5, 121));
            var state = new AttemptState();
            var attempt = new AttemptDocument(state, "e-1", "s-1");
            var now = OpensAt + TimeSpan.FromMilliseconds(random.Next(0, 15 * (int)minute.TotalMilliseconds));
            var startedAt = now;
            attempt.Start(plan, Paper, "r", "学生", now, attempt.Admit(plan, now));
            var extra = 0;
            var paused = TimeSpan.Zero;
            DateTimeOffset? pausedAt = null;
            for (var step = random.Next(1, 40); step > 0 && !attempt.DeadlinePassed(now); step--)
            {
                now += TimeSpan.FromMilliseconds(random.Next(0, (int)(minute.TotalMilliseconds * 10)));
                switch (random.Next(3))
                {
                    case 0 when pausedAt is null && !attempt.DeadlinePassed(now):
                        attempt.Pause("原因", now);
                        pausedAt = now;
                        break;
                    case 1 when pausedAt is not null:
                        attempt.Resume(now);
                        paused += now - pausedAt.Value;
                        pausedAt = null;
                        break;
                    case 2:
                        var minutes = random.Next(1, 30);
                        attempt.Extend(minutes, now);
                        extra += minutes;
                        break;
                }
                var expected = startedAt + minute * (plan.DurationMinutes + extra) + paused + (pausedAt is null ? TimeSpan.Zero : now - pausedAt.Value);
                Assert.Equal(expected, attempt.Deadline(now));
                Assert.Equal(pausedAt is null && now >= expected, attempt.DeadlinePassed(now));
                Assert.Equal(pausedAt is null ? AttemptStatuses.Active : AttemptStatuses.Paused, attempt.Status);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Whatever_order_saves_and_their_copies_arrive_in_each_question_keeps_its_latest_save(int seed)
    {
        var random = new Random(seed);
        var choices = new[] { "a", "b", "c", "d" };
        for (var round = 0; round < 50; round++)
        {
            var state = new AttemptState();
            var attempt = new AttemptDocument(state, "e-1", "s-1");
            var now = OpensAt.AddMinutes(1);
            attempt.Start(Plan(60), Paper, "r", "学生", now, attempt.Admit(Plan(60), now));
            var sent = new List<(string Question, long Seq, string Answer)>();
            var latest = new Dictionary<string, (long Seq, string Answer)>();
            long seq = 0;
            for (var step = random.Next(1, 80); step > 0; step--)
            {
                now = now.AddMilliseconds(random.Next(1, 3000));
                var save = sent.Count > 0 && random.Next(3) == 0
                    ? sent[random.Next(sent.Count)]
                    : (Question: random.Next(2) == 0 ? "q1" : "q5", Seq: ++seq, Answer: random.Next(5) == 0 ? "null" : $"\"{choices[random.Next(choices.Length)]}\"");
                if (save.Seq == seq && sent.All(s => s.Seq != seq))
                {
                    sent.Add(save);
                }
                var decision = attempt.Save(Paper, new CommandId("tab", save.Seq), save.Question, save.Answer, now);
                if (decision.Row is { } row)
                {
                    attempt.Remember(row, decision.Answer!);
                }
                if (!latest.TryGetValue(save.Question, out var known) || known.Seq < save.Seq)
                {
                    Assert.NotNull(decision.Row);
                    latest[save.Question] = (save.Seq, save.Answer);
                }
                else
                {
                    Assert.Null(decision.Row);
                }
            }

            var view = attempt.View(Paper, now, 0);
            var expected = latest.Where(l => l.Value.Answer != "null").ToDictionary(l => l.Key, l => l.Value.Answer);
            Assert.Equal(expected.Keys.Order(), view.AnswersJson.Keys.Order());
            Assert.Equal(expected.Count, attempt.Progress(now).Answered);
            foreach (var (question, answer) in expected)
            {
                Assert.Equal(answer, view.AnswersJson[question]);
            }
        }
    }
}
