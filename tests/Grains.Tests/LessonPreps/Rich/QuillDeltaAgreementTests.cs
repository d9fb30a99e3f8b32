using System.Text.Json.Nodes;
using Collab.Grains.Tests.LessonPreps.Rich.Support;
using Collab.Ot.Rich;
using Collab.TestSupport;

namespace Collab.Grains.Tests.LessonPreps.Rich;

/// <summary>
/// The server's rich-text OT (<c>Ot/Rich</c>) gives the very deltas quill-delta gives, which the web editor uses on its
/// own pending changes. <c>tests/vectors/rich-text-ot.json</c> holds cases quill-delta worked out
/// (<c>node web/test/vectors/richTextOt.mjs --write</c> writes it again); the randomized test makes fresh cases here
/// and asks quill-delta itself.
/// </summary>
public sealed class QuillDeltaAgreementTests
{
    private const int Seed = 2208;
    private const int RandomCases = 600;

    private static readonly string VectorPath = Path.Combine(RepositoryPaths.Root, "tests", "vectors", "rich-text-ot.json");

    [Fact]
    public void Every_shared_vector_holds_for_the_server()
    {
        var cases = JsonNode.Parse(File.ReadAllText(VectorPath))!["cases"]!.AsArray();
        Assert.True(cases.Count >= 400, $"{VectorPath} holds {cases.Count} cases");
        foreach (var vector in cases)
        {
            QuillOracle.AssertAgrees(QuillOracle.Case.FromJson(vector!), vector!["expected"]!);
        }
    }

    [NodeFact]
    public void Fresh_random_cases_agree_with_quill_delta()
    {
        var random = new Random(Seed);
        var cases = new List<QuillOracle.Case>();
        for (var i = 0; i < RandomCases; i++)
        {
            var doc = RandomDeltas.Document(random);
            var a = RandomDeltas.Change(random, doc);
            var b = RandomDeltas.Change(random, doc);
            cases.Add(new($"seed {Seed} case {i}", doc, a, b, RandomDeltas.Change(random, doc.Compose(a))));
        }
        var results = QuillOracle.Evaluate(cases);
        Assert.Equal(cases.Count, results.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            QuillOracle.AssertAgrees(cases[i], results[i]!);
        }
    }

    [NodeFact]
    public void Hand_made_edge_cases_agree_with_quill_delta()
    {
        var bold = AttributeMap.Of(("bold", AttributeValue.Of(true)));
        var unbold = AttributeMap.Of(("bold", AttributeValue.Null));
        var red = AttributeMap.Of(("color", AttributeValue.Of("#e60000")));
        var doc = new DeltaBuilder().Insert("ab😀", bold).Insert(new Embed("formula", "x^2")).Insert("中\n", red).Build();
        var cases = new List<QuillOracle.Case>
        {
            new("both insert at one place", doc, new DeltaBuilder().Retain(1).Insert("X").Build(), new DeltaBuilder().Retain(1).Insert("Y").Build(), Delta.Empty),
            new("both format one range", doc, new DeltaBuilder().Retain(4, unbold).Build(), new DeltaBuilder().Retain(2, red).Retain(2, bold).Build(),
                new DeltaBuilder().Retain(2, AttributeMap.Of(("italic", AttributeValue.Of(true)))).Build()),
            new("a delete over an embed against its formatting", doc, new DeltaBuilder().Retain(2).Delete(3).Build(),
                new DeltaBuilder().Retain(4, red).Insert(new Embed("image", "/api/files/f-9")).Build(), new DeltaBuilder().Insert("z", unbold).Build()),
            new("a null kept on a retain, dropped on an insert", doc, new DeltaBuilder().Insert("q", bold).Build(), Delta.Empty,
                new DeltaBuilder().Retain(2, unbold).Build()),
            new("empty everything", Delta.Empty, Delta.Empty, Delta.Empty, Delta.Empty),
            new("a change's inserts after the second's last op, which deleted", doc,
                new DeltaBuilder().Retain(2).Insert("x", bold).Insert("y", red).Retain(2, unbold).Build(), Delta.Empty,
                new DeltaBuilder().Retain(1).Delete(1).Build()),
            new("a document's runs before and after a one-character edit", doc, new DeltaBuilder().Retain(4).Insert("k", red).Build(),
                new DeltaBuilder().Retain(6).Delete(1).Build(), new DeltaBuilder().Retain(2).Insert("j").Build()),
        };
        var results = QuillOracle.Evaluate(cases);
        for (var i = 0; i < cases.Count; i++)
        {
            QuillOracle.AssertAgrees(cases[i], results[i]!);
        }
    }
}
