using System.Text.Json.Nodes;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Tests.Exams.Logic;

/// <summary>A valid exam body with one question of each kind, as JSON the tests can change one field of.</summary>
internal static class SamplePaper
{
    public static JsonObject Exam() => new()
    {
        ["title"] = "期中考试 信息技术",
        ["subject"] = "信息技术",
        ["questions"] = new JsonArray(Single(), Multiple(), TrueFalse(), Fill(), Short()),
        ["opensAt"] = "2026-12-01T09:00:00+08:00",
        ["durationMinutes"] = 60,
        ["lateJoinMinutes"] = 15,
        ["roster"] = new JsonArray("s-1", "s-2", "s-3"),
        ["shuffleQuestions"] = true,
        ["shuffleOptions"] = true,
    };

    /// <summary>The parsed questions q1 (single) .. q5 (short).</summary>
    public static IReadOnlyList<PaperQuestion> Questions() => ExamSpecParser.Parse(Exam().ToJsonString()).Questions;

    public static PaperQuestion Question(string kind) => Questions().Single(question => question.Kind == kind);

    public static JsonObject Single() => new()
    {
        ["id"] = "q1",
        ["kind"] = "single",
        ["points"] = 2,
        ["stem"] = "1 字节等于几位？",
        ["options"] = Options("a", "b", "c", "d"),
        ["answer"] = "b",
    };

    public static JsonObject Multiple() => new()
    {
        ["id"] = "q2",
        ["kind"] = "multiple",
        ["points"] = 4,
        ["stem"] = "下列哪些是输入设备？",
        ["options"] = Options("a", "b", "c", "d"),
        ["answer"] = new JsonArray("a", "c"),
        ["partialPoints"] = 2,
    };

    public static JsonObject TrueFalse() => new()
    {
        ["id"] = "q3",
        ["kind"] = "truefalse",
        ["points"] = 1,
        ["stem"] = "CPU 是中央处理器。",
        ["answer"] = true,
    };

    public static JsonObject Fill() => new()
    {
        ["id"] = "q4",
        ["kind"] = "fill",
        ["points"] = 3,
        ["stem"] = "二进制 11 等于十进制 ___，直角等于 ___ 度。",
        ["answer"] = new JsonArray(new JsonArray("3", "三"), new JsonArray(" 90 ", "90°")),
    };

    public static JsonObject Short() => new()
    {
        ["id"] = "q5",
        ["kind"] = "short",
        ["points"] = 10,
        ["stem"] = "简述冯·诺依曼结构。",
        ["reference"] = "存储程序；五大部件。",
    };

    public static JsonArray Options(params string[] ids) =>
        new(ids.Select(id => (JsonNode?)new JsonObject { ["id"] = id, ["text"] = $"选项 {id}" }).ToArray());
}
