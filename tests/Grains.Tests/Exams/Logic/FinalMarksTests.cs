using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Tests.Exams.Logic;

public sealed class FinalMarksTests
{
    private static readonly StudentResult Graded = new("s-1", "小明", AttemptStatuses.Submitted, 5m, 30m, 2,
        new Dictionary<string, decimal> { ["q1"] = 2m, ["q2"] = 3m });

    private static Dictionary<string, IReadOnlyDictionary<string, decimal>> Marks(params (string Question, string Student, decimal Points)[] marks) =>
        marks.GroupBy(m => m.Question).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, decimal>)g.ToDictionary(m => m.Student, m => m.Points));

    [Fact]
    public void A_settled_mark_replaces_a_pending_answer_and_counts_in_the_score()
    {
        var result = FinalMarks.Apply(Graded, Marks(("q5", "s-1", 6.5m), ("q5", "s-2", 1m)));

        Assert.Equal(11.5m, result.Score);
        Assert.Equal(1, result.PendingMarking);
        Assert.Equal(6.5m, result.PerQuestion["q5"]);
        Assert.Equal(30m, result.MaxScore);
        Assert.False(Graded.PerQuestion.ContainsKey("q5"));
    }

    [Fact]
    public void Marks_of_other_students_or_none_at_all_change_nothing()
    {
        Assert.Equal((5m, 2), Pair(FinalMarks.Apply(Graded, Marks(("q5", "s-2", 8m)))));
        Assert.Equal((5m, 2), Pair(FinalMarks.Apply(Graded, Marks())));
    }

    [Fact]
    public void Pending_never_goes_below_nothing()
    {
        var unsubmitted = Graded with { PendingMarking = 0, Status = AttemptStatuses.Absent };

        var result = FinalMarks.Apply(unsubmitted, Marks(("q4", "s-1", 1m), ("q5", "s-1", 2m)));

        Assert.Equal((8m, 0), Pair(result));
    }

    private static (decimal, int) Pair(StudentResult result) => (result.Score, result.PendingMarking);
}
