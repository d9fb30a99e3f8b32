namespace Collab.Bench;

/// <summary>
/// The paper every candidate takes: 8 single-choice, 6 multiple-choice and 6 two-blank fill questions and one short
/// answer (74 points). Each objective question has a right and a wrong answer whose points are known, so the score
/// the server must report for any sequence of acknowledged saves can be computed here.
/// </summary>
public static class ExamPaper
{
    public const int Questions = 21;
    public const string ShortQuestion = "q21";

    /// <summary>
    /// A short answer of about 300 bytes of UTF-8, the size of a real one; choice and fill answers are a few bytes
    /// but each save still writes the whole attempt.
    /// </summary>
    public const string ShortAnswerText = "光合作用是绿色植物利用光能，把二氧化碳和水转化成储存能量的有机物，并释放出氧气的过程。它发生在叶绿体中，分为光反应和暗反应两个阶段。";

    public static string Id(int index) => $"q{index + 1}";

    public static string Kind(int index) => index switch
    {
        < 8 => "single",
        < 14 => "multiple",
        < 20 => "fill",
        _ => "short",
    };

    public static decimal Points(int index) => Kind(index) switch
    {
        "single" => 2,
        "short" => 10,
        _ => 4,
    };

    public static object[] Spec() => Enumerable.Range(0, Questions).Select(Question).ToArray();

    /// <summary>The answer a candidate sends: the key when <paramref name="right"/>, else an answer worth nothing.</summary>
    public static object Answer(int index, bool right) => Kind(index) switch
    {
        "single" => right ? "b" : "a",
        "multiple" => right ? new[] { "a", "c" } : new[] { "a", "b" },
        "fill" => right ? new[] { "3", "90" } : new[] { "4", "91" },
        _ => ShortAnswerText,
    };

    /// <summary>What a saved answer scores; null for the short question, which waits for a marker.</summary>
    public static decimal? Score(int index, bool right) => Kind(index) == "short" ? null : right ? Points(index) : 0;

    private static object Question(int index)
    {
        var id = Id(index);
        var options = new[] { new { id = "a", text = "2" }, new { id = "b", text = "4" }, new { id = "c", text = "5" }, new { id = "d", text = "6" } };
        return Kind(index) switch
        {
            "single" => new { id, kind = "single", points = Points(index), stem = $"第{index + 1}题：2+2=?", options, answer = (object)"b" },
            "multiple" => new { id, kind = "multiple", points = Points(index), stem = $"第{index + 1}题：哪些是质数?", options, answer = (object)new[] { "a", "c" } },
            "fill" => (object)new { id, kind = "fill", points = Points(index), stem = $"第{index + 1}题：__ 加 __", answer = new[] { new[] { "3", "三" }, new[] { "90", "90°" } } },
            _ => new { id, kind = "short", points = Points(index), stem = "简述光合作用的过程。", reference = "光能转化为化学能" },
        };
    }
}
