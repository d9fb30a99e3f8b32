using System.Diagnostics;
using System.Text.Json.Nodes;
using Collab.Ot.Rich;
using Collab.TestSupport;

namespace Collab.Grains.Tests.LessonPreps.Rich.Support;

/// <summary>
/// What quill-delta gives on a case, by web/test/vectors/richTextOt.mjs, and the check that the C# code gives exactly
/// that: the same ops in the same normal form, not merely deltas with the same effect.
/// </summary>
internal static class QuillOracle
{
    public static readonly string Script = Path.Combine(RepositoryPaths.Root, "web", "test", "vectors", "richTextOt.mjs");

    public sealed record Case(string Name, Delta Doc, Delta A, Delta B, Delta C)
    {
        public JsonObject ToJson() => new()
        {
            ["name"] = Name,
            ["doc"] = Wire(Doc),
            ["a"] = Wire(A),
            ["b"] = Wire(B),
            ["c"] = Wire(C),
        };

        public static Case FromJson(JsonNode node) => new(
            (string)node["name"]!, Read(node["doc"]!), Read(node["a"]!), Read(node["b"]!), Read(node["c"]!));
    }

    /// <summary>The delta-valued results, by the names the script gives them.</summary>
    public static IEnumerable<(string Name, Delta Result)> Results(Case input)
    {
        var afterA = input.Doc.Compose(input.A);
        yield return ("afterA", afterA);
        yield return ("aThenC", input.A.Compose(input.C));
        yield return ("afterAThenC", afterA.Compose(input.C));
        yield return ("aTransformsB", input.A.Transform(input.B, priority: true));
        yield return ("aTransformsBNoPriority", input.A.Transform(input.B, priority: false));
        yield return ("bTransformsA", input.B.Transform(input.A, priority: true));
        yield return ("bTransformsANoPriority", input.B.Transform(input.A, priority: false));
        yield return ("invertA", input.A.Invert(input.Doc));
        yield return ("invertC", input.C.Invert(afterA));
    }

    public static void AssertAgrees(Case input, JsonNode expected)
    {
        foreach (var (name, result) in Results(input))
        {
            var wanted = expected[name]!.AsArray();
            // Comparing op counts as well as parsed deltas catches a normal form quill-delta has and the parser would restore.
            Assert.True(wanted.Count == result.Ops.Count && Read(wanted) == result,
                $"{input.Name}: {name} is {result.ToJson()}, quill-delta gives {wanted.ToJsonString()}; case {input.ToJson().ToJsonString()}");
        }
        foreach (var position in expected["positions"]!.AsArray())
        {
            var index = (int)position![0]!;
            Assert.True((int)position[1]! == input.A.TransformPosition(index, priority: false)
                && (int)position[2]! == input.A.TransformPosition(index, priority: true),
                $"{input.Name}: transformPosition({index}) is {input.A.TransformPosition(index)}/{input.A.TransformPosition(index, true)}, quill-delta gives {position.ToJsonString()}; case {input.ToJson().ToJsonString()}");
        }
    }

    /// <summary>Runs the script on the cases and returns its results in the same order.</summary>
    public static JsonArray Evaluate(IReadOnlyList<Case> cases)
    {
        var start = new ProcessStartInfo("node", [Script, "--eval"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        using var node = Process.Start(start)!;
        var input = new JsonObject { ["cases"] = new JsonArray(cases.Select(c => (JsonNode)c.ToJson()).ToArray()) };
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        node.StandardInput.Write(input.ToJsonString());
        node.StandardInput.Close();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, $"node {Script} --eval failed (run npm ci in web/ if quill-delta is missing): {errors.Result}");
        return JsonNode.Parse(output.Result)!["results"]!.AsArray();
    }

    public static bool NodeIsInstalled { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(folder => File.Exists(Path.Combine(folder, "node")) || File.Exists(Path.Combine(folder, "node.exe")));

    public static JsonNode Wire(Delta delta) => JsonNode.Parse(delta.ToJson())!;

    public static Delta Read(JsonNode node) => Delta.Parse(node.ToJsonString());
}
