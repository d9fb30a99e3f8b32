using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collab.Grains.Tests.LessonPreps.Text.Support;
using Collab.Ot;
using Collab.TestSupport;

namespace Collab.Grains.Tests.LessonPreps.Text;

/// <summary>
/// The server's OT (<c>Ot/</c>) and the web client's (<c>web/src/lessonprep/textOperation.ts</c>) must give the same
/// ops, not merely converging ones: a client and the server that disagree on a transform still converge among
/// themselves but show different text. <c>tests/vectors/plain-text-ot.json</c> holds cases with every result written
/// out; this class checks the server against them, <c>web/test/unit/sharedVectors.test.mjs</c> checks the client.
/// Set COLLAB_WRITE_OT_VECTORS=1 to write the file again from its seed after a deliberate change.
/// </summary>
public sealed class SharedVectorTests
{
    private const int Seed = 3001;
    private const int RandomCases = 300;

    private static readonly string VectorPath = Path.Combine(RepositoryPaths.Root, "tests", "vectors", "plain-text-ot.json");

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    [Fact]
    public void Every_shared_vector_holds_for_the_server()
    {
        var cases = JsonNode.Parse(File.ReadAllText(VectorPath))!["cases"]!.AsArray();
        Assert.True(cases.Count >= RandomCases, $"{VectorPath} holds {cases.Count} cases");
        foreach (var vector in cases)
        {
            var name = (string)vector!["name"]!;
            var text = (string)vector["text"]!;
            var a = Parse(vector["a"]!);
            var b = Parse(vector["b"]!);
            var (aPrime, bPrime) = TextOperation.Transform(a, b);

            Assert.True(Parse(vector["aPrime"]!) == aPrime, $"{name}: aPrime is {Wire(aPrime)}");
            Assert.True(Parse(vector["bPrime"]!) == bPrime, $"{name}: bPrime is {Wire(bPrime)}");
            Assert.True(Parse(vector["composed"]!) == TextOperation.Compose(a, bPrime), $"{name}: compose(a, bPrime)");
            Assert.Equal((string)vector["afterBoth"]!, bPrime.Apply(a.Apply(text)));
            foreach (var index in vector["indexes"]!.AsArray())
            {
                var position = (int)index![0]!;
                var followInsert = (bool)index[1]!;
                Assert.True((int)index[2]! == TextOperation.TransformIndex(position, a, followInsert), $"{name}: index {position} {followInsert}");
            }
        }
    }

    [Fact]
    public void The_shared_vectors_are_what_their_seed_and_the_server_give()
    {
        var written = Serialize(Generate());
        if (Environment.GetEnvironmentVariable("COLLAB_WRITE_OT_VECTORS") == "1")
        {
            File.WriteAllText(VectorPath, written);
        }

        Assert.True(File.Exists(VectorPath) && File.ReadAllText(VectorPath) == written,
            $"{VectorPath} is not what seed {Seed} gives; if the OT changed on purpose, run COLLAB_WRITE_OT_VECTORS=1 dotnet test tests/Grains.Tests --filter SharedVectorTests and check the web unit tests");
    }

    private static IEnumerable<(string Name, string Text, TextOperation A, TextOperation B)> Generate()
    {
        // The cases where implementations tend to differ, named so a failure says which rule broke.
        yield return ("two inserts at one place: the first goes first", "ab", Op(1, "X", 1), Op(1, "Y", 1));
        yield return ("insert at the end against a delete of everything", "abc", Op(3, "!"), Op(-3));
        yield return ("overlapping deletes", "abcdef", Op(1, -3, 2), Op(2, -3, 1));
        yield return ("an insert inside a range the other deletes", "abcdef", Op(3, "中文", 3), Op(1, -4, 1));
        yield return ("into an empty text", "", Op("你好"), Op("😀"));
        yield return ("astral characters count as one", "😀👍🎉", Op(1, -1, "𝒳", 1), Op(2, "🏽", 1));
        yield return ("a retain-only op against an edit", "课程", Op(2), Op(-1, "文", 1));
        yield return ("line breaks are text like any other", "a\nb", Op(1, -1, "\n\n", 1), Op(2, "c", 1));

        var random = new Random(Seed);
        for (var i = 0; i < RandomCases; i++)
        {
            var text = RandomOps.Text(random, 12);
            yield return ($"random {i}", text, RandomOps.Operation(random, text), RandomOps.Operation(random, text));
        }
    }

    private static string Serialize(IEnumerable<(string Name, string Text, TextOperation A, TextOperation B)> cases)
    {
        var array = new JsonArray();
        foreach (var (name, text, a, b) in cases)
        {
            var (aPrime, bPrime) = TextOperation.Transform(a, b);
            var indexes = new JsonArray();
            for (var position = 0; position <= a.BaseLength; position++)
            {
                indexes.Add(new JsonArray(position, false, TextOperation.TransformIndex(position, a)));
                indexes.Add(new JsonArray(position, true, TextOperation.TransformIndex(position, a, followInsert: true)));
            }

            array.Add(new JsonObject
            {
                ["name"] = name,
                ["text"] = text,
                ["a"] = Wire(a),
                ["b"] = Wire(b),
                ["aPrime"] = Wire(aPrime),
                ["bPrime"] = Wire(bPrime),
                ["composed"] = Wire(TextOperation.Compose(a, bPrime)),
                ["afterBoth"] = bPrime.Apply(a.Apply(text)),
                ["indexes"] = indexes,
            });
        }

        // One case a line: a diff of the file after a deliberate change shows which cases moved.
        var about = JsonValue.Create($"Plain-text OT cases shared by the server (Ot/) and the web client; a = the first op, b = the second, both on text; aPrime/bPrime = transform(a, b); composed = compose(a, bPrime); indexes = [position, followInsert, the position moved through a]. Written from seed {Seed} by tests/Grains.Tests/LessonPreps/Text/SharedVectorTests.cs.");
        var lines = array.Select(vector => "    " + vector!.ToJsonString(Json));
        return $"{{\n  \"about\": {about.ToJsonString(Json)},\n  \"cases\": [\n{string.Join(",\n", lines)}\n  ]\n}}\n";
    }

    private static TextOperation Op(params object[] wire) => TextOperation.Parse(wire);

    private static TextOperation Parse(JsonNode wire)
    {
        using var document = JsonDocument.Parse(wire.ToJsonString());
        return TextOperation.Parse(document.RootElement);
    }

    private static JsonArray Wire(TextOperation operation) =>
        new(operation.ToWire().Select(part => part is string text ? JsonValue.Create(text) : JsonValue.Create((int)part)).ToArray<JsonNode?>());
}
