using System.Text.Json.Nodes;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Tests.Exams.Logic;

public sealed class ExamSpecParserTests
{
    private static ExamSpec Parse(JsonNode exam) => ExamSpecParser.Parse(exam.ToJsonString());

    private static CollabException Refused(JsonNode exam, string code = ErrorCodes.InvalidArgument)
    {
        var error = Assert.Throws<CollabException>(() => ExamSpecParser.Parse(exam.ToJsonString()));
        Assert.Equal(code, error.Code);
        return error;
    }

    private static JsonObject WithQuestion(JsonObject question)
    {
        var exam = SamplePaper.Exam();
        exam["questions"] = new JsonArray(question.DeepClone());
        return exam;
    }

    [Fact]
    public void A_paper_with_every_kind_is_read_field_by_field()
    {
        var spec = Parse(SamplePaper.Exam());

        Assert.Equal("期中考试 信息技术", spec.Title);
        Assert.Equal("信息技术", spec.Subject);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), spec.OpensAt);
        Assert.Equal(TimeSpan.Zero, spec.OpensAt.Offset);
        Assert.Equal(60, spec.DurationMinutes);
        Assert.Equal(15, spec.LateJoinMinutes);
        Assert.Equal(["s-1", "s-2", "s-3"], spec.Roster);
        Assert.True(spec.ShuffleQuestions);
        Assert.True(spec.ShuffleOptions);
        Assert.Equal(MarkingPolicy.Default, spec.Marking);
        Assert.Equal(["q1", "q2", "q3", "q4", "q5"], spec.Questions.Select(question => question.Id));

        var single = spec.Questions[0];
        Assert.Equal((QuestionKinds.Single, 2m, "1 字节等于几位？"), (single.Kind, single.Points, single.Stem));
        Assert.Equal(["a", "b", "c", "d"], single.Options.Select(option => option.Id));
        Assert.Equal("选项 c", single.Options[2].Text);
        Assert.Equal(new AnswerKey(Choice: "b"), single.Key);
        Assert.Null(single.PartialPoints);

        var multiple = spec.Questions[1];
        Assert.Equal(["a", "c"], multiple.Key!.Choices!);
        Assert.Equal(2m, multiple.PartialPoints);

        var truefalse = spec.Questions[2];
        Assert.Empty(truefalse.Options);
        Assert.True(truefalse.Key!.Truth);

        var fill = spec.Questions[3];
        Assert.Equal(2, fill.Blanks);
        Assert.Equal(["3", "三"], fill.Key!.Accepted![0]);
        Assert.Equal(["90", "90°"], fill.Key.Accepted[1]);

        var @short = spec.Questions[4];
        Assert.Null(@short.Key);
        Assert.Equal("存储程序；五大部件。", @short.Reference);
        Assert.Equal(0, @short.Blanks);
        Assert.Empty(@short.Options);
    }

    [Fact]
    public void Optional_fields_take_their_defaults_and_unknown_fields_are_ignored()
    {
        var exam = SamplePaper.Exam();
        exam.Remove("lateJoinMinutes");
        exam.Remove("shuffleQuestions");
        exam["shuffleOptions"] = null;
        exam["somethingNew"] = new JsonObject { ["x"] = 1 };
        ((JsonObject)exam["questions"]![0]!)["hint"] = "ignored";
        var spec = Parse(exam);

        Assert.Equal(0, spec.LateJoinMinutes);
        Assert.False(spec.ShuffleQuestions);
        Assert.False(spec.ShuffleOptions);
        Assert.Equal(MarkingPolicy.SingleMode, spec.Marking.Mode);
    }

    [Fact]
    public void Double_marking_with_a_tolerance_is_read()
    {
        var exam = SamplePaper.Exam();
        exam["marking"] = new JsonObject { ["mode"] = "double", ["tolerance"] = 1.5 };
        Assert.Equal(new MarkingPolicy(MarkingPolicy.DoubleMode, 1.5m), Parse(exam).Marking);
    }

    [Theory]
    [InlineData("2026-12-01T01:00:00Z")]
    [InlineData("2026-12-01T01:00Z")]
    [InlineData("2026-12-01T09:00:00.000+08:00")]
    [InlineData("2026-11-30T20:00:00-05:00")]
    public void OpensAt_with_any_offset_becomes_the_same_utc_instant(string opensAt)
    {
        var exam = SamplePaper.Exam();
        exam["opensAt"] = opensAt;
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), Parse(exam).OpensAt);
    }

    [Theory]
    [InlineData("2026-12-01T09:00:00")]
    [InlineData("2026-12-01")]
    [InlineData("tomorrow")]
    [InlineData("2026-13-01T09:00:00Z")]
    [InlineData("12/01/2026 09:00 +08:00")]
    public void OpensAt_without_an_offset_or_not_iso_is_refused(string opensAt)
    {
        var exam = SamplePaper.Exam();
        exam["opensAt"] = opensAt;
        Assert.Contains("opensAt", Refused(exam).Message);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("subject")]
    [InlineData("questions")]
    [InlineData("opensAt")]
    [InlineData("durationMinutes")]
    [InlineData("roster")]
    public void A_missing_required_field_is_named(string field)
    {
        var exam = SamplePaper.Exam();
        exam.Remove(field);
        Assert.StartsWith(field, Refused(exam).Message);
    }

    [Theory]
    [InlineData("title", "123")]
    [InlineData("subject", "true")]
    [InlineData("questions", "{}")]
    [InlineData("opensAt", "20261201")]
    [InlineData("durationMinutes", "\"60\"")]
    [InlineData("durationMinutes", "60.5")]
    [InlineData("lateJoinMinutes", "\"5\"")]
    [InlineData("roster", "\"s-1\"")]
    [InlineData("shuffleQuestions", "\"yes\"")]
    [InlineData("shuffleOptions", "1")]
    [InlineData("marking", "\"double\"")]
    public void A_field_of_the_wrong_json_type_is_named(string field, string json)
    {
        var exam = SamplePaper.Exam();
        exam[field] = JsonNode.Parse(json);
        Assert.StartsWith(field, Refused(exam).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1,2]")]
    [InlineData("\"exam\"")]
    [InlineData("null")]
    [InlineData("{\"title\":\"a\",\"title\":\"b\"}")]
    public void Malformed_json_or_not_an_object_is_refused(string json)
    {
        var error = Assert.Throws<CollabException>(() => ExamSpecParser.Parse(json));
        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.StartsWith("the exam", error.Message);
    }

    [Fact]
    public void Text_fields_are_trimmed_and_bounded()
    {
        var exam = SamplePaper.Exam();
        exam["title"] = "  期末  ";
        Assert.Equal("期末", Parse(exam).Title);

        exam["title"] = "   ";
        Assert.Equal("title must not be empty", Refused(exam).Message);
        exam["title"] = new string('题', ExamLimits.TitleLength);
        Assert.Equal(ExamLimits.TitleLength, Parse(exam).Title.Length);
        exam["title"] = new string('题', ExamLimits.TitleLength + 1);
        Refused(exam, ErrorCodes.TooLarge);

        exam = SamplePaper.Exam();
        exam["subject"] = new string('x', ExamLimits.SubjectLength + 1);
        Assert.StartsWith("subject", Refused(exam, ErrorCodes.TooLarge).Message);
    }

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(1, 0, true)]
    [InlineData(1, 1, true)]
    [InlineData(1, 2, false)]
    [InlineData(600, 600, true)]
    [InlineData(601, 0, false)]
    [InlineData(-5, 0, false)]
    [InlineData(60, -1, false)]
    public void Duration_and_late_join_are_bounded(int duration, int lateJoin, bool accepted)
    {
        var exam = SamplePaper.Exam();
        exam["durationMinutes"] = duration;
        exam["lateJoinMinutes"] = lateJoin;
        if (accepted)
        {
            Assert.Equal((duration, lateJoin), (Parse(exam).DurationMinutes, Parse(exam).LateJoinMinutes));
        }
        else
        {
            Assert.Contains("Minutes must be from", Refused(exam).Message);
        }
    }

    [Fact]
    public void The_roster_is_refused_when_empty_duplicated_blank_too_long_or_too_big()
    {
        var exam = SamplePaper.Exam();
        exam["roster"] = new JsonArray();
        Assert.Equal("roster must list at least one student", Refused(exam).Message);

        exam["roster"] = new JsonArray("s-1", "s-2", "s-1");
        Assert.Equal("roster lists student s-1 more than once", Refused(exam).Message);

        exam["roster"] = new JsonArray("s-1", "");
        Assert.Equal("roster[1] must not be empty", Refused(exam).Message);

        exam["roster"] = new JsonArray("s-1", 7);
        Assert.Equal("roster[1] must be a student id string", Refused(exam).Message);

        exam["roster"] = new JsonArray(" s-1");
        Assert.Equal("roster[0] must not start or end with spaces", Refused(exam).Message);

        exam["roster"] = new JsonArray(new string('s', 64));
        Assert.Single(Parse(exam).Roster);
        exam["roster"] = new JsonArray(new string('s', 65));
        Assert.Equal("roster[0] is longer than 64 characters", Refused(exam, ErrorCodes.TooLarge).Message);

        exam["roster"] = new JsonArray(Enumerable.Range(0, ExamLimits.RosterSize).Select(i => (JsonNode?)$"s-{i}").ToArray());
        Assert.Equal(ExamLimits.RosterSize, Parse(exam).Roster.Count);
        exam["roster"] = new JsonArray(Enumerable.Range(0, ExamLimits.RosterSize + 1).Select(i => (JsonNode?)$"s-{i}").ToArray());
        Refused(exam, ErrorCodes.TooLarge);
    }

    [Theory]
    [InlineData("{\"mode\":\"triple\"}", "marking.mode")]
    [InlineData("{\"mode\":2}", "marking.mode")]
    [InlineData("{\"mode\":\"double\",\"tolerance\":-1}", "marking.tolerance")]
    [InlineData("{\"mode\":\"double\",\"tolerance\":0.001}", "marking.tolerance")]
    [InlineData("{\"mode\":\"double\",\"tolerance\":\"1\"}", "marking.tolerance")]
    public void Bad_marking_is_refused(string marking, string field)
    {
        var exam = SamplePaper.Exam();
        exam["marking"] = JsonNode.Parse(marking);
        Assert.StartsWith(field, Refused(exam).Message);
    }

    [Fact]
    public void Questions_are_refused_when_none_or_too_many_or_ids_repeat()
    {
        var exam = SamplePaper.Exam();
        exam["questions"] = new JsonArray();
        Assert.Equal("questions must hold at least one question", Refused(exam).Message);

        exam["questions"] = new JsonArray(Enumerable.Range(0, ExamLimits.Questions)
            .Select(i => (JsonNode?)new JsonObject { ["id"] = $"q{i}", ["kind"] = "truefalse", ["points"] = 0.5, ["stem"] = "?", ["answer"] = false })
            .ToArray());
        Assert.Equal(ExamLimits.Questions, Parse(exam).Questions.Count);
        ((JsonArray)exam["questions"]!).Add(new JsonObject { ["id"] = "extra", ["kind"] = "truefalse", ["points"] = 1, ["stem"] = "?", ["answer"] = true });
        Assert.Equal("an exam has at most 200 questions", Refused(exam, ErrorCodes.TooLarge).Message);

        exam = SamplePaper.Exam();
        var again = SamplePaper.Short();
        again["id"] = "q1";
        ((JsonArray)exam["questions"]!).Add(again);
        Assert.Equal("question id q1 is used more than once", Refused(exam).Message);
    }

    [Theory]
    [InlineData("", "id of questions[0] must not be empty")]
    [InlineData("  ", "id of questions[0] must not be empty")]
    [InlineData(" q1", "id of questions[0] must not start or end with spaces")]
    [InlineData("123456789012345678901234567890123", "id of questions[0] is longer than 32 characters")]
    public void A_bad_question_id_is_refused_by_position(string id, string message)
    {
        var question = SamplePaper.Single();
        question["id"] = id;
        var error = Refused(WithQuestion(question), id.Length > 32 ? ErrorCodes.TooLarge : ErrorCodes.InvalidArgument);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_question_that_is_not_an_object_or_has_no_id_is_refused_by_position()
    {
        var exam = SamplePaper.Exam();
        ((JsonArray)exam["questions"]!).Add("q9");
        Assert.Equal("questions[5] must be an object", Refused(exam).Message);

        var question = SamplePaper.Single();
        question.Remove("id");
        Assert.Equal("id of questions[0] is required", Refused(WithQuestion(question)).Message);
        question["id"] = 1;
        Assert.Equal("id of questions[0] must be a string", Refused(WithQuestion(question)).Message);
    }

    [Theory]
    [InlineData("kind", "\"essay\"", "kind of question q1 must be one of single, multiple, truefalse, fill, short")]
    [InlineData("kind", "null", "kind of question q1 is required")]
    [InlineData("kind", "1", "kind of question q1 must be a string")]
    [InlineData("points", "0", "points of question q1 must be greater than 0 and at most 100")]
    [InlineData("points", "-1", "points of question q1 must be greater than 0 and at most 100")]
    [InlineData("points", "100.01", "points of question q1 must be greater than 0 and at most 100")]
    [InlineData("points", "1.005", "points of question q1 must have at most 2 decimal places")]
    [InlineData("points", "\"2\"", "points of question q1 must be a number")]
    [InlineData("points", "null", "points of question q1 is required")]
    [InlineData("stem", "\"  \"", "stem of question q1 must not be empty")]
    [InlineData("stem", "null", "stem of question q1 must not be empty")]
    [InlineData("stem", "[\"a\"]", "stem of question q1 must be a string")]
    public void A_bad_common_question_field_is_named_with_the_question_id(string field, string json, string message)
    {
        var question = SamplePaper.Single();
        question[field] = JsonNode.Parse(json);
        Assert.Equal(message, Refused(WithQuestion(question)).Message);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("0.01")]
    [InlineData("2.5")]
    [InlineData("2.50")]
    public void Points_may_be_decimal_up_to_two_places(string points)
    {
        var question = SamplePaper.TrueFalse();
        question["points"] = JsonNode.Parse(points);
        Assert.Equal(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), Parse(WithQuestion(question)).Questions[0].Points);
    }

    [Fact]
    public void Stems_and_option_texts_keep_their_spacing_and_are_bounded()
    {
        var question = SamplePaper.Single();
        question["stem"] = "    print(1)\n";
        ((JsonObject)question["options"]![0]!)["text"] = "  x = 1";
        var parsed = Parse(WithQuestion(question)).Questions[0];
        Assert.Equal("    print(1)\n", parsed.Stem);
        Assert.Equal("  x = 1", parsed.Options[0].Text);

        question["stem"] = new string('题', ExamLimits.StemLength + 1);
        Assert.Equal("stem of question q1 is longer than 4000 characters", Refused(WithQuestion(question), ErrorCodes.TooLarge).Message);

        question = SamplePaper.Single();
        ((JsonObject)question["options"]![1]!)["text"] = new string('x', ExamLimits.OptionTextLength + 1);
        Assert.Equal("options[1].text of question q1 is longer than 1000 characters", Refused(WithQuestion(question), ErrorCodes.TooLarge).Message);
    }

    [Theory]
    [InlineData("single")]
    [InlineData("multiple")]
    public void Choice_options_are_checked(string kind)
    {
        var question = kind == "single" ? SamplePaper.Single() : SamplePaper.Multiple();
        var id = (string)question["id"]!;
        question["answer"] = kind == "single" ? "a" : new JsonArray("a");
        string Message(JsonNode options, string code = ErrorCodes.InvalidArgument)
        {
            question["options"] = options;
            return Refused(WithQuestion(question), code).Message;
        }

        question["options"] = null;
        Assert.Equal($"options of question {id} are required for a {kind} question", Refused(WithQuestion(question)).Message);
        Assert.Equal($"options of question {id} must be an array", Message("a,b"));
        Assert.Equal($"options of question {id} must hold at least 2 options", Message(SamplePaper.Options("a")));
        Assert.Equal($"options of question {id} must hold at most 10 options",
            Message(SamplePaper.Options("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"), ErrorCodes.TooLarge));
        Assert.Equal($"options of question {id} use the id a more than once", Message(SamplePaper.Options("a", "b", "a")));
        Assert.Equal($"options[1].id of question {id} must not be empty", Message(SamplePaper.Options("a", "")));
        Assert.Equal($"options[1].id of question {id} must not start or end with spaces", Message(SamplePaper.Options("a", "b ")));
        Assert.Equal($"options[1].id of question {id} is longer than 32 characters",
            Message(SamplePaper.Options("a", new string('b', 33)), ErrorCodes.TooLarge));
        Assert.Equal($"options[1] of question {id} must be an object with id and text",
            Message(new JsonArray(new JsonObject { ["id"] = "a", ["text"] = "x" }, "b")));
        Assert.Equal($"options[1].text of question {id} must not be empty",
            Message(new JsonArray(new JsonObject { ["id"] = "a", ["text"] = "x" }, new JsonObject { ["id"] = "b", ["text"] = " " })));
        Assert.Equal($"options[1].text of question {id} must not be empty",
            Message(new JsonArray(new JsonObject { ["id"] = "a", ["text"] = "x" }, new JsonObject { ["id"] = "b" })));
        Assert.Equal($"options[1].id of question {id} must be a string",
            Message(new JsonArray(new JsonObject { ["id"] = "a", ["text"] = "x" }, new JsonObject { ["id"] = 2, ["text"] = "y" })));
        Assert.Equal($"options[1].id of question {id} is required",
            Message(new JsonArray(new JsonObject { ["id"] = "a", ["text"] = "x" }, new JsonObject { ["text"] = "y" })));

        question["options"] = SamplePaper.Options("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        Assert.Equal(10, Parse(WithQuestion(question)).Questions[0].Options.Count);
        question["options"] = SamplePaper.Options("a", "b");
        Assert.Equal(2, Parse(WithQuestion(question)).Questions[0].Options.Count);
    }

    [Theory]
    [InlineData("\"e\"", "answer of question q1 \"e\" is not one of its option ids (a, b, c, d)")]
    [InlineData("\"B\"", "answer of question q1 \"B\" is not one of its option ids (a, b, c, d)")]
    [InlineData("[\"b\"]", "answer of question q1 must be the id of one option, e.g. \"a\"")]
    [InlineData("1", "answer of question q1 must be the id of one option, e.g. \"a\"")]
    [InlineData("null", "answer of question q1 is required for a single question")]
    public void A_single_key_must_be_one_existing_option(string answer, string message)
    {
        var question = SamplePaper.Single();
        question["answer"] = JsonNode.Parse(answer);
        Assert.Equal(message, Refused(WithQuestion(question)).Message);
    }

    [Theory]
    [InlineData("[]", "answer of question q2 must be a non-empty array of option ids, e.g. [\"a\"]")]
    [InlineData("\"a\"", "answer of question q2 must be a non-empty array of option ids, e.g. [\"a\"]")]
    [InlineData("[\"a\",\"a\"]", "answer of question q2 names \"a\" more than once")]
    [InlineData("[\"a\",\"z\"]", "answer of question q2 names \"z\", which is not one of its option ids (a, b, c, d)")]
    [InlineData("[\"a\",1]", "answer of question q2 must hold option id strings only")]
    [InlineData("null", "answer of question q2 is required for a multiple question")]
    public void A_multiple_key_must_be_distinct_existing_options(string answer, string message)
    {
        var question = SamplePaper.Multiple();
        question["answer"] = JsonNode.Parse(answer);
        Assert.Equal(message, Refused(WithQuestion(question)).Message);
    }

    [Theory]
    [InlineData("0", "partialPoints of question q2 must be greater than 0 and less than its points (4)")]
    [InlineData("4", "partialPoints of question q2 must be greater than 0 and less than its points (4)")]
    [InlineData("-1", "partialPoints of question q2 must be greater than 0 and less than its points (4)")]
    [InlineData("1.234", "partialPoints of question q2 must have at most 2 decimal places")]
    [InlineData("\"2\"", "partialPoints of question q2 must be a number")]
    public void Partial_points_lie_strictly_between_zero_and_the_points(string partial, string message)
    {
        var question = SamplePaper.Multiple();
        question["partialPoints"] = JsonNode.Parse(partial);
        Assert.Equal(message, Refused(WithQuestion(question)).Message);

        question["partialPoints"] = 3.99;
        Assert.Equal(3.99m, Parse(WithQuestion(question)).Questions[0].PartialPoints);
    }

    [Theory]
    [InlineData("single")]
    [InlineData("truefalse")]
    [InlineData("fill")]
    [InlineData("short")]
    public void Partial_points_are_only_for_multiple(string kind)
    {
        var question = Of(kind);
        question["partialPoints"] = 0.5;
        Assert.Equal($"partialPoints of question {question["id"]} is only for multiple questions, not {kind}", Refused(WithQuestion(question)).Message);
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("1")]
    [InlineData("[true]")]
    public void A_truefalse_key_must_be_a_boolean(string answer)
    {
        var question = SamplePaper.TrueFalse();
        question["answer"] = JsonNode.Parse(answer);
        Assert.Equal("answer of question q3 must be true or false", Refused(WithQuestion(question)).Message);

        question["answer"] = false;
        Assert.False(Parse(WithQuestion(question)).Questions[0].Key!.Truth);
    }

    [Theory]
    [InlineData("truefalse")]
    [InlineData("fill")]
    [InlineData("short")]
    public void Options_are_only_for_choice_questions_but_an_empty_list_is_harmless(string kind)
    {
        var question = Of(kind);
        question["options"] = new JsonArray();
        Assert.Empty(Parse(WithQuestion(question)).Questions[0].Options);

        question["options"] = SamplePaper.Options("a", "b");
        Assert.Equal($"options of question {question["id"]} are only for single and multiple questions, not {kind}", Refused(WithQuestion(question)).Message);
    }

    [Theory]
    [InlineData("[]", "answer of question q4 must be an array with, per blank, an array of accepted answers, e.g. [[\"3\",\"三\"]]")]
    [InlineData("[\"3\"]", "answer of question q4 (blank 1) must be a non-empty array of accepted answers")]
    [InlineData("\"3\"", "answer of question q4 must be an array with, per blank, an array of accepted answers, e.g. [[\"3\",\"三\"]]")]
    [InlineData("[[\"3\"],[]]", "answer of question q4 (blank 2) must be a non-empty array of accepted answers")]
    [InlineData("[[\"3\",\"  \"]]", "answer of question q4 (blank 1) holds an empty accepted answer")]
    [InlineData("[[\"3\",3]]", "answer of question q4 (blank 1) must hold strings only")]
    [InlineData("null", "answer of question q4 is required for a fill question")]
    public void A_fill_key_needs_accepted_answers_for_every_blank(string answer, string message)
    {
        var question = SamplePaper.Fill();
        question["answer"] = JsonNode.Parse(answer);
        Assert.Equal(message, Refused(WithQuestion(question)).Message);
    }

    [Fact]
    public void Fill_blanks_and_accepted_answers_are_bounded()
    {
        JsonArray Blank(int accepted, int length = 1) =>
            new(Enumerable.Range(0, accepted).Select(i => (JsonNode?)(i + new string('x', length - 1))).ToArray());
        var question = SamplePaper.Fill();

        question["answer"] = new JsonArray(Enumerable.Range(0, ExamLimits.Blanks).Select(_ => (JsonNode?)Blank(1)).ToArray());
        Assert.Equal(ExamLimits.Blanks, Parse(WithQuestion(question)).Questions[0].Blanks);
        question["answer"] = new JsonArray(Enumerable.Range(0, ExamLimits.Blanks + 1).Select(_ => (JsonNode?)Blank(1)).ToArray());
        Assert.Equal("answer of question q4 has more than 20 blanks", Refused(WithQuestion(question), ErrorCodes.TooLarge).Message);

        question["answer"] = new JsonArray(Blank(ExamLimits.AcceptedPerBlank));
        Assert.Equal(ExamLimits.AcceptedPerBlank, Parse(WithQuestion(question)).Questions[0].Key!.Accepted![0].Count);
        question["answer"] = new JsonArray(Blank(ExamLimits.AcceptedPerBlank + 1));
        Assert.Equal("answer of question q4 (blank 1) has more than 20 accepted answers", Refused(WithQuestion(question), ErrorCodes.TooLarge).Message);

        question["answer"] = new JsonArray(Blank(1, ExamLimits.BlankAnswerLength + 1));
        Assert.Equal("answer of question q4 (blank 1) holds an accepted answer longer than 200 characters", Refused(WithQuestion(question), ErrorCodes.TooLarge).Message);
    }

    [Fact]
    public void A_short_question_has_no_key_and_an_optional_bounded_reference()
    {
        var question = SamplePaper.Short();
        question["answer"] = "冯·诺依曼";
        Assert.Equal("answer of question q5 is not allowed: short questions are marked by teachers (use reference)", Refused(WithQuestion(question)).Message);

        question.Remove("answer");
        question.Remove("reference");
        Assert.Null(Parse(WithQuestion(question)).Questions[0].Reference);

        question["reference"] = 42;
        Assert.Equal("reference of question q5 must be a string", Refused(WithQuestion(question)).Message);

        question["reference"] = new string('参', ExamLimits.ReferenceLength + 1);
        Assert.Equal("reference of question q5 is longer than 10000 characters", Refused(WithQuestion(question), ErrorCodes.TooLarge).Message);
    }

    [Theory]
    [InlineData("single")]
    [InlineData("multiple")]
    [InlineData("truefalse")]
    [InlineData("fill")]
    public void A_reference_is_only_for_short_questions(string kind)
    {
        var question = Of(kind);
        question["reference"] = "参考";
        Assert.Equal($"reference of question {question["id"]} is only for short questions, not {kind}", Refused(WithQuestion(question)).Message);
    }

    [Fact]
    public void A_lone_surrogate_in_text_is_refused_as_invalid_text()
    {
        var question = SamplePaper.Single();
        question["stem"] = "STEM";
        var json = WithQuestion(question).ToJsonString().Replace("STEM", "\\ud800");
        var error = Assert.Throws<CollabException>(() => ExamSpecParser.Parse(json));
        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Equal("stem of question q1 is not valid Unicode text", error.Message);
    }

    [Fact]
    public void The_authors_view_round_trips_through_the_parser()
    {
        var spec = Parse(SamplePaper.Exam());
        var exam = SamplePaper.Exam();
        exam["questions"] = JsonSerializerNode(spec.Questions.Select(ExamWire.Question));
        var again = Parse(exam);
        Assert.Equal(spec.Questions.Count, again.Questions.Count);
        for (var i = 0; i < spec.Questions.Count; i++)
        {
            Assert.Equal(Comparable(spec.Questions[i]), Comparable(again.Questions[i]));
        }
    }

    private static JsonNode JsonSerializerNode(IEnumerable<object> questions) =>
        System.Text.Json.JsonSerializer.SerializeToNode(questions.ToList())!;

    private static string Comparable(PaperQuestion question) => System.Text.Json.JsonSerializer.Serialize(question);

    private static JsonObject Of(string kind) => kind switch
    {
        "single" => SamplePaper.Single(),
        "multiple" => SamplePaper.Multiple(),
        "truefalse" => SamplePaper.TrueFalse(),
        "fill" => SamplePaper.Fill(),
        _ => SamplePaper.Short(),
    };
}
