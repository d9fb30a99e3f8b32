using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Tests.Exams.Logic;

public sealed class AnswerParserTests
{
    private static StudentAnswer Parse(string kind, string json) => AnswerParser.Parse(SamplePaper.Question(kind), json);

    private static CollabException Refused(string kind, string json, string code = ErrorCodes.InvalidArgument)
    {
        var error = Assert.Throws<CollabException>(() => Parse(kind, json));
        Assert.Equal(code, error.Code);
        return error;
    }

    [Theory]
    [InlineData("single")]
    [InlineData("multiple")]
    [InlineData("truefalse")]
    [InlineData("fill")]
    [InlineData("short")]
    public void Null_clears_the_answer_of_every_kind(string kind)
    {
        Assert.Equal(new StudentAnswer(), Parse(kind, "null"));
        Assert.Equal(new StudentAnswer(), Parse(kind, " null "));
    }

    [Theory]
    [InlineData("single")]
    [InlineData("multiple")]
    [InlineData("truefalse")]
    [InlineData("fill")]
    [InlineData("short")]
    public void Malformed_json_is_refused_naming_the_question(string kind)
    {
        var id = SamplePaper.Question(kind).Id;
        Assert.Equal($"answer to {id} is not valid JSON", Refused(kind, "[\"a\"").Message);
        Assert.Equal($"answer to {id} is not valid JSON", Refused(kind, "").Message);
        Assert.Equal($"answer to {id} is missing", Assert.Throws<CollabException>(() => AnswerParser.Parse(SamplePaper.Question(kind), null!)).Message);
    }

    [Theory]
    [InlineData("\"a\"", "a")]
    [InlineData("\"d\"", "d")]
    public void A_single_answer_is_one_option_id(string json, string choice) =>
        Assert.Equal(new StudentAnswer(Choice: choice), Parse(QuestionKinds.Single, json));

    [Theory]
    [InlineData("\"e\"")]
    [InlineData("\"A\"")]
    [InlineData("\"\"")]
    [InlineData("[\"a\"]")]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("{\"id\":\"a\"}")]
    public void A_single_answer_of_another_shape_is_refused(string json) =>
        Assert.Equal("answer to q1 must be one of its option ids (a, b, c, d) or null", Refused(QuestionKinds.Single, json).Message);

    [Fact]
    public void A_multiple_answer_is_a_set_of_distinct_option_ids_in_the_order_given()
    {
        Assert.Equal(["c", "a"], Parse(QuestionKinds.Multiple, "[\"c\",\"a\"]").Choices!);
        Assert.Equal(["b"], Parse(QuestionKinds.Multiple, "[\"b\"]").Choices!);
        Assert.Equal(4, Parse(QuestionKinds.Multiple, "[\"a\",\"b\",\"c\",\"d\"]").Choices!.Count);
        Assert.Equal(new StudentAnswer(), Parse(QuestionKinds.Multiple, "[]"));
    }

    [Theory]
    [InlineData("\"a\"")]
    [InlineData("[\"a\",\"a\"]")]
    [InlineData("[\"a\",\"x\"]")]
    [InlineData("[\"a\",1]")]
    [InlineData("[null]")]
    [InlineData("[[\"a\"]]")]
    [InlineData("true")]
    public void A_multiple_answer_of_another_shape_is_refused(string json) =>
        Assert.Equal("answer to q2 must be an array of distinct option ids from a, b, c, d", Refused(QuestionKinds.Multiple, json).Message);

    [Fact]
    public void A_truefalse_answer_is_a_boolean()
    {
        Assert.Equal(new StudentAnswer(Truth: true), Parse(QuestionKinds.TrueFalse, "true"));
        Assert.Equal(new StudentAnswer(Truth: false), Parse(QuestionKinds.TrueFalse, "false"));
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("[true]")]
    public void A_truefalse_answer_of_another_shape_is_refused(string json) =>
        Assert.Equal("answer to q3 must be true or false", Refused(QuestionKinds.TrueFalse, json).Message);

    [Fact]
    public void A_fill_answer_has_one_string_per_blank_kept_as_typed()
    {
        Assert.Equal([" 3 ", "90"], Parse(QuestionKinds.Fill, "[\" 3 \",\"90\"]").Blanks!);
        Assert.Equal(["", "90"], Parse(QuestionKinds.Fill, "[\"\",\"90\"]").Blanks!);
        Assert.Equal(new StudentAnswer(), Parse(QuestionKinds.Fill, "[\"\",\"  \"]"));
        Assert.Equal(ExamLimits.BlankAnswerLength, Parse(QuestionKinds.Fill, $"[\"{new string('x', ExamLimits.BlankAnswerLength)}\",\"\"]").Blanks![0].Length);
    }

    [Theory]
    [InlineData("[\"3\"]")]
    [InlineData("[\"3\",\"90\",\"x\"]")]
    [InlineData("[]")]
    [InlineData("\"3\"")]
    [InlineData("[\"3\",90]")]
    [InlineData("[\"3\",null]")]
    [InlineData("[[\"3\"],[\"90\"]]")]
    public void A_fill_answer_of_another_shape_is_refused(string json) =>
        Assert.Equal("answer to q4 must be an array of 2 strings, one per blank", Refused(QuestionKinds.Fill, json).Message);

    [Fact]
    public void A_fill_blank_longer_than_the_limit_is_too_large() =>
        Assert.Equal("answer to q4 has a blank longer than 200 characters",
            Refused(QuestionKinds.Fill, $"[\"3\",\"{new string('x', ExamLimits.BlankAnswerLength + 1)}\"]", ErrorCodes.TooLarge).Message);

    [Fact]
    public void A_short_answer_is_free_text_kept_as_typed_and_bounded()
    {
        Assert.Equal(new StudentAnswer(Text: "  存储程序\n五大部件 "), Parse(QuestionKinds.Short, "\"  存储程序\\n五大部件 \""));
        Assert.Equal(new StudentAnswer(), Parse(QuestionKinds.Short, "\"   \""));
        Assert.Equal(ExamLimits.ShortAnswerLength, Parse(QuestionKinds.Short, $"\"{new string('字', ExamLimits.ShortAnswerLength)}\"").Text!.Length);
        Assert.Equal("answer to q5 is longer than 10000 characters",
            Refused(QuestionKinds.Short, $"\"{new string('字', ExamLimits.ShortAnswerLength + 1)}\"", ErrorCodes.TooLarge).Message);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("[\"text\"]")]
    [InlineData("{\"text\":\"a\"}")]
    [InlineData("false")]
    public void A_short_answer_of_another_shape_is_refused(string json) =>
        Assert.Equal("answer to q5 must be a string", Refused(QuestionKinds.Short, json).Message);

    [Fact]
    public void A_lone_surrogate_is_refused_as_invalid_text() =>
        Assert.Equal("answer to q5 is not valid Unicode text", Refused(QuestionKinds.Short, "\"a\\ud800b\"").Message);

    [Theory]
    [InlineData("single", "\"c\"")]
    [InlineData("multiple", "[\"d\",\"a\"]")]
    [InlineData("truefalse", "false")]
    [InlineData("fill", "[\" 3\",\"九十\"]")]
    [InlineData("short", "\"冯·诺依曼\"")]
    public void The_wire_shape_round_trips(string kind, string json)
    {
        var question = SamplePaper.Question(kind);
        var answer = AnswerParser.Parse(question, json);
        var wire = System.Text.Json.JsonSerializer.Serialize(ExamWire.Answer(kind, answer));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(answer),
            System.Text.Json.JsonSerializer.Serialize(AnswerParser.Parse(question, wire)));
    }

    [Theory]
    [InlineData("single")]
    [InlineData("multiple")]
    [InlineData("truefalse")]
    [InlineData("fill")]
    [InlineData("short")]
    public void A_cleared_answer_goes_on_the_wire_as_null(string kind) =>
        Assert.Null(ExamWire.Answer(kind, new StudentAnswer()));
}
