using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Bench.Micro;

/// <summary>
/// What an exam costs per candidate outside storage: drawing the shuffled paper at start, parsing a saved answer, and
/// grading a whole submission, on the paper the <c>exam</c> scenario uses (8 single, 6 multiple, 6 two-blank fill, 1 short).
/// </summary>
[MemoryDiagnoser]
public class ExamBenchmarks
{
    private IReadOnlyList<PaperQuestion> _questions = null!;
    private List<StudentAnswer?> _answers = null!;
    private PaperQuestion _fill = null!;
    private AttemptOrder _order = null!;

    [GlobalSetup]
    public void Setup()
    {
        _questions = ExamSpecParser.Parse(JsonSerializer.Serialize(Paper())).Questions;
        _answers = _questions.Select(question => question.Kind switch
        {
            QuestionKinds.Single => AnswerParser.Parse(question, "\"b\""),
            QuestionKinds.Multiple => AnswerParser.Parse(question, "[\"a\",\"c\"]"),
            QuestionKinds.Fill => AnswerParser.Parse(question, "[\"３\",\"90°\"]"),
            _ => AnswerParser.Parse(question, JsonSerializer.Serialize(new string('光', 100))),
        }).ToList<StudentAnswer?>();
        _fill = _questions.First(question => question.Kind == QuestionKinds.Fill);
        _order = PaperShuffler.Draw("exam-1", "student-1", _questions, shuffleQuestions: true, shuffleOptions: true);
    }

    [Benchmark]
    public decimal GradeSubmission()
    {
        var total = 0m;
        for (var i = 0; i < _questions.Count; i++)
        {
            total += Grader.Grade(_questions[i], _answers[i]) ?? 0;
        }
        return total;
    }

    [Benchmark]
    public StudentAnswer ParseFillAnswer() => AnswerParser.Parse(_fill, "[\"３\",\"90°\"]");

    [Benchmark]
    public AttemptOrder DrawShuffle() => PaperShuffler.Draw("exam-1", "student-42", _questions, shuffleQuestions: true, shuffleOptions: true);

    [Benchmark]
    public IReadOnlyList<StudentQuestion> StudentPaper() => PaperShuffler.StudentPaper(_questions, _order);

    private static object Paper()
    {
        var options = new[] { "a", "b", "c", "d" }.Select(id => new { id, text = $"选项 {id}" }).ToArray();
        var questions = Enumerable.Range(0, 21).Select(index =>
        {
            var id = $"q{index + 1}";
            return index switch
            {
                < 8 => (object)new { id, kind = "single", points = 2, stem = $"第{index + 1}题：2+2=?", options, answer = "b" },
                < 14 => new { id, kind = "multiple", points = 4, stem = $"第{index + 1}题：哪些是质数?", options, answer = new[] { "a", "c" }, partialPoints = 2 },
                < 20 => new { id, kind = "fill", points = 4, stem = $"第{index + 1}题：__ 加 __", answer = new[] { new[] { "3", "三" }, new[] { "90", "90°" } } },
                _ => new { id, kind = "short", points = 10, stem = "简述光合作用的过程。", reference = "光能转化为化学能" },
            };
        }).ToArray();
        return new
        {
            title = "期中考试",
            subject = "数学",
            questions,
            opensAt = "2026-12-01T09:00:00+08:00",
            durationMinutes = 60,
            lateJoinMinutes = 15,
            roster = new[] { "student-1", "student-42" },
            shuffleQuestions = true,
            shuffleOptions = true,
        };
    }
}
