using System.Text.Json;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Tests.Exams.Logic;

public sealed class ExamWireTests
{
    private static readonly JsonSerializerOptions PascalCase = new();
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static string Json(object? value) => JsonSerializer.Serialize(value, PascalCase);

    [Fact]
    public void Answers_take_the_protocols_shapes()
    {
        Assert.Equal("\"b\"", Json(ExamWire.Answer(QuestionKinds.Single, new StudentAnswer(Choice: "b"))));
        Assert.Equal("[\"a\",\"c\"]", Json(ExamWire.Answer(QuestionKinds.Multiple, new StudentAnswer(Choices: ["a", "c"]))));
        Assert.Equal("true", Json(ExamWire.Answer(QuestionKinds.TrueFalse, new StudentAnswer(Truth: true))));
        Assert.Equal("[\"3\",\"90\"]", Json(ExamWire.Answer(QuestionKinds.Fill, new StudentAnswer(Blanks: ["3", "90"]))));
        Assert.Equal("\"free text\"", Json(ExamWire.Answer(QuestionKinds.Short, new StudentAnswer(Text: "free text"))));
        Assert.IsType<List<string>>(ExamWire.Answer(QuestionKinds.Multiple, new StudentAnswer(Choices: ["a"])));
    }

    [Fact]
    public void The_authors_view_of_each_kind_has_exactly_its_fields_whatever_the_serializer_settings()
    {
        var questions = SamplePaper.Questions();
        string[] expected =
        [
            """{"id":"q1","kind":"single","points":2,"stem":"1 字节等于几位？","options":[{"id":"a","text":"选项 a"},{"id":"b","text":"选项 b"},{"id":"c","text":"选项 c"},{"id":"d","text":"选项 d"}],"answer":"b"}""",
            """{"id":"q2","kind":"multiple","points":4,"stem":"下列哪些是输入设备？","options":[{"id":"a","text":"选项 a"},{"id":"b","text":"选项 b"},{"id":"c","text":"选项 c"},{"id":"d","text":"选项 d"}],"answer":["a","c"],"partialPoints":2}""",
            """{"id":"q3","kind":"truefalse","points":1,"stem":"CPU 是中央处理器。","answer":true}""",
            """{"id":"q4","kind":"fill","points":3,"stem":"二进制 11 等于十进制 ___，直角等于 ___ 度。","answer":[["3","三"],["90","90°"]],"blanks":2}""",
            """{"id":"q5","kind":"short","points":10,"stem":"简述冯·诺依曼结构。","reference":"存储程序；五大部件。"}""",
        ];
        var readable = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        for (var i = 0; i < questions.Count; i++)
        {
            Assert.Equal(expected[i], JsonSerializer.Serialize(ExamWire.Question(questions[i]), readable));
            Assert.Equal(JsonSerializer.Serialize(ExamWire.Question(questions[i]), PascalCase),
                JsonSerializer.Serialize(ExamWire.Question(questions[i]), Web));
            Assert.Equal(expected[i], Collab.Grains.Interfaces.Live.LiveJson.Serialize(ExamWire.Question(questions[i])));
        }
    }

    [Fact]
    public void A_short_question_without_a_reference_has_no_reference_field()
    {
        var question = SamplePaper.Question(QuestionKinds.Short) with { Reference = null };
        using var json = JsonDocument.Parse(Json(ExamWire.Question(question)));
        Assert.False(json.RootElement.TryGetProperty("reference", out _));
        Assert.False(json.RootElement.TryGetProperty("answer", out _));
    }
}
