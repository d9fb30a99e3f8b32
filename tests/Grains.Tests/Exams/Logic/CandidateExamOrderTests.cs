using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Tests.Exams.Logic;

public sealed class CandidateExamOrderTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static CandidateExam Exam(string id, string status, int opensInHours, int lateJoinMinutes = 30) =>
        new(id, id, "it", status, Monday.AddHours(opensInHours), 60, Monday.AddHours(opensInHours).AddMinutes(lateJoinMinutes));

    [Fact]
    public void Open_exams_come_first_by_the_join_closing_then_the_next_to_open_then_the_past_latest_first()
    {
        var sorted = CandidateExamOrder.Sort(
        [
            Exam("past-old", ExamStatuses.Closed, -48),
            Exam("next-far", ExamStatuses.Published, 24),
            Exam("open-late", ExamStatuses.Open, -1, lateJoinMinutes: 120),
            Exam("results", ExamStatuses.ResultsPublished, -24),
            Exam("next-near", ExamStatuses.Published, 2),
            Exam("open-soon-closing", ExamStatuses.Open, 0, lateJoinMinutes: 10),
        ]);

        Assert.Equal(["open-soon-closing", "open-late", "next-near", "next-far", "results", "past-old"], sorted.Select(e => e.Id));
    }

    [Fact]
    public void Ties_fall_back_to_the_exam_id_so_the_order_is_the_same_every_time()
    {
        var random = new Random(20261207);
        var exams = Enumerable.Range(0, 40)
            .Select(i => Exam($"e-{i:D2}", (i % 3) switch { 0 => ExamStatuses.Open, 1 => ExamStatuses.Published, _ => ExamStatuses.Closed }, i % 2))
            .ToList();
        var expected = CandidateExamOrder.Sort(exams).Select(e => e.Id).ToList();

        for (var round = 0; round < 20; round++)
        {
            Assert.Equal(expected, CandidateExamOrder.Sort(exams.OrderBy(_ => random.Next()).ToList()).Select(e => e.Id));
        }
        Assert.Equal(exams.Count, expected.Distinct().Count());
    }
}
