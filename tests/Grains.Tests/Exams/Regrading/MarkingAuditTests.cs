using Collab.Grains.Exams;
using Collab.Grains.Exams.Regrading;
using Collab.Grains.Interfaces.Exams.Regrading;

namespace Collab.Grains.Tests.Exams.Regrading;

public sealed class MarkingAuditTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_mark_and_arbitration_is_a_line_oldest_first_naming_the_attempt_by_its_reference()
    {
        var items = new Dictionary<string, MarkingItem>
        {
            ["r-2"] = new() { StudentId = "s-2", Marks = [new("t-1", 6, At.AddMinutes(1))] },
            ["r-1"] = new()
            {
                StudentId = "s-1",
                Marks = [new("t-1", 2, At), new("t-2", 8.5m, At.AddMinutes(2))],
                Arbitration = 5,
                ArbitratedBy = "t-3",
                ArbitratedAt = At.AddMinutes(3),
                Final = 5,
            },
        };

        var entries = MarkingAudit.Entries("q5", items);

        Assert.Equal(
        [
            (At, "t-1", AuditActions.Marked, "r-1", 2m),
            (At.AddMinutes(1), "t-1", AuditActions.Marked, "r-2", 6m),
            (At.AddMinutes(2), "t-2", AuditActions.Marked, "r-1", 8.5m),
            (At.AddMinutes(3), "t-3", AuditActions.Arbitrated, "r-1", 5m),
        ], entries.Select(e => (e.At, e.By, e.Action, e.AttemptRef!, e.Points!.Value)));
        Assert.All(entries, e => Assert.Equal("q5", e.QuestionId));
        Assert.Equal("5 points for q5 of r-1 by arbitration, over 2 and 8.5", entries[3].Detail);
        Assert.DoesNotContain(entries, e => e.Detail.Contains("s-1") || e.Detail.Contains("s-2"));
    }

    [Fact]
    public void An_empty_queue_has_no_lines() => Assert.Empty(MarkingAudit.Entries("q5", new Dictionary<string, MarkingItem>()));
}
