using Collab.Grains.Interfaces.Exams;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;

namespace Collab.Grains.Tests.Exams.Logic;

/// <summary>Seeded random damage to valid input: the parsers answer with a refusal code or a value, never a crash.</summary>
public sealed class ParserFuzzTests
{
    private static readonly string[] Values =
    [
        "null", "0", "-1", "1.5", "1e30", "100.001", "\"\"", "\" \"", "\"a\"", "\"b\"", "\"q1\"", "\"single\"", "\"fill\"", "true",
        "false", "[]", "{}", "[\"a\"]", "[\"a\",\"a\"]", "[[]]", "[[\"3\"]]", "[\"3\",\"90\"]", "{\"id\":\"a\"}", "[{\"id\":\"a\",\"text\":\"x\"}]",
        "\"2026-12-01T09:00:00Z\"", "\"LONE-SURROGATE\"", $"\"{new string('x', 300)}\"", "[null]", "[1,2,3]", "{\"mode\":\"double\"}",
    ];

    /// <summary>JsonNode will not write a lone surrogate, so it goes in as a placeholder replaced in the text.</summary>
    private static string Text(JsonNode? node) => (node?.ToJsonString() ?? "null").Replace("LONE-SURROGATE", "\\ud800");

    private static JsonNode? RandomValue(Random random) => JsonNode.Parse(Values[random.Next(Values.Length)]);

    [Fact]
    public void Damaged_exams_are_refused_with_a_code_or_parsed()
    {
        var random = new Random(404);
        var refusals = 0;
        for (var i = 0; i < 3000; i++)
        {
            var exam = SamplePaper.Exam();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                Damage(exam, random);
            }
            try
            {
                var spec = ExamSpecParser.Parse(Text(exam));
                Assert.NotEmpty(spec.Questions);
                Assert.All(spec.Questions, question => Assert.NotNull(ExamWire.Question(question)));
            }
            catch (CollabException error)
            {
                Assert.Contains(error.Code, new[] { ErrorCodes.InvalidArgument, ErrorCodes.TooLarge });
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
                refusals++;
            }
        }
        Assert.InRange(refusals, 1000, 2999);
    }

    [Fact]
    public void Random_answers_are_refused_with_a_code_or_parsed_and_then_grade_within_bounds()
    {
        var random = new Random(405);
        var questions = SamplePaper.Questions();
        for (var i = 0; i < 5000; i++)
        {
            var question = questions[random.Next(questions.Count)];
            var json = Text(RandomAnswer(random, 2));
            try
            {
                var answer = AnswerParser.Parse(question, json);
                var score = Grader.Grade(question, answer);
                if (score is { } points)
                {
                    Assert.InRange(points, 0, question.Points);
                }
                var wire = JsonSerializer.Serialize(ExamWire.Answer(question.Kind, answer));
                Assert.Equal(JsonSerializer.Serialize(answer), JsonSerializer.Serialize(AnswerParser.Parse(question, wire)));
            }
            catch (CollabException error)
            {
                Assert.Contains(error.Code, new[] { ErrorCodes.InvalidArgument, ErrorCodes.TooLarge });
                Assert.StartsWith($"answer to {question.Id} ", error.Message);
            }
        }
    }

    private static JsonNode? RandomAnswer(Random random, int depth) => random.Next(depth > 0 ? 4 : 3) switch
    {
        0 => RandomValue(random),
        1 => JsonValue.Create(new[] { "a", "b", "c", "d", "e", "3", "三", "90", " 3 ", "" }[random.Next(10)]),
        2 => JsonValue.Create(random.Next(2) == 0),
        _ => new JsonArray(Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomAnswer(random, depth - 1)).ToArray()),
    };

    /// <summary>Replaces, removes or adds one field somewhere in the exam, or drops an item of an array.</summary>
    private static void Damage(JsonNode root, Random random)
    {
        var node = root;
        while (true)
        {
            var children = node switch
            {
                JsonObject obj => obj.Select(pair => pair.Value).Where(child => child is JsonObject or JsonArray).ToList(),
                JsonArray array => array.Where(child => child is JsonObject or JsonArray).ToList(),
                _ => [],
            };
            if (children.Count == 0 || random.Next(3) == 0)
            {
                break;
            }
            node = children[random.Next(children.Count)]!;
        }
        switch (node)
        {
            case JsonObject obj when obj.Count > 0 && random.Next(4) > 0:
                var name = obj.ElementAt(random.Next(obj.Count)).Key;
                if (random.Next(4) == 0)
                {
                    obj.Remove(name);
                }
                else
                {
                    obj[name] = RandomValue(random);
                }
                break;
            case JsonObject obj:
                obj[$"extra{random.Next(3)}"] = RandomValue(random);
                break;
            case JsonArray array when array.Count > 0 && random.Next(2) == 0:
                array.RemoveAt(random.Next(array.Count));
                break;
            case JsonArray array:
                array.Add(RandomValue(random));
                break;
        }
    }
}
