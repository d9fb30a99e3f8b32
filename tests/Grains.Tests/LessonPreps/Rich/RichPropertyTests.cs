using Collab.Grains.Tests.LessonPreps.Rich.Support;
using Collab.Ot.Rich;

namespace Collab.Grains.Tests.LessonPreps.Rich;

/// <summary>The laws the rich-text OT must keep, on thousands of seeded documents and changes.</summary>
public sealed class RichPropertyTests
{
    private const int Cases = 3000;

    [Fact]
    public void Concurrent_changes_converge_whichever_the_server_applied_first()
    {
        var random = new Random(2211);
        for (var i = 0; i < Cases; i++)
        {
            var doc = RandomDeltas.Document(random);
            var a = RandomDeltas.Change(random, doc);
            var b = RandomDeltas.Change(random, doc);

            var aFirst = doc.Compose(a).Compose(a.Transform(b, priority: true));
            var bFirst = doc.Compose(b).Compose(b.Transform(a, priority: false));

            Assert.True(aFirst == bFirst, $"case {i}: doc {doc} a {a} b {b} gives {aFirst} and {bFirst}");
        }
    }

    [Fact]
    public void Composition_is_associative()
    {
        var random = new Random(2212);
        for (var i = 0; i < Cases; i++)
        {
            var doc = RandomDeltas.Document(random);
            var a = RandomDeltas.Change(random, doc);
            var b = RandomDeltas.Change(random, doc.Compose(a));
            var c = RandomDeltas.Change(random, doc.Compose(a).Compose(b));

            Assert.True(a.Compose(b).Compose(c) == a.Compose(b.Compose(c)), $"case {i}: a {a} b {b} c {c}");
            Assert.True(doc.Compose(a.Compose(b)) == doc.Compose(a).Compose(b), $"case {i}: doc {doc} a {a} b {b}");
        }
    }

    [Fact]
    public void An_inverted_change_undoes_it()
    {
        var random = new Random(2213);
        for (var i = 0; i < Cases; i++)
        {
            var doc = RandomDeltas.Document(random);
            var a = RandomDeltas.Change(random, doc);

            Assert.True(doc.Compose(a).Compose(a.Invert(doc)) == doc, $"case {i}: doc {doc} a {a} inverted {a.Invert(doc)}");
        }
    }

    [Fact]
    public void An_undo_transformed_past_a_colleagues_change_keeps_the_colleagues_change()
    {
        var bold = AttributeMap.Of(("bold", AttributeValue.Of(true)));
        var doc = new DeltaBuilder().Insert("教学目标\n").Build();
        var mine = new DeltaBuilder().Insert("一、").Retain(4, bold).Build();
        var afterMine = doc.Compose(mine);
        var theirs = new DeltaBuilder().Retain(6).Insert("：理解").Insert(new Embed("formula", "x^2")).Build();

        var undo = theirs.Transform(mine.Invert(doc), priority: true);
        var undone = afterMine.Compose(theirs).Compose(undo);

        Assert.Equal(new DeltaBuilder().Insert("教学目标：理解").Insert(new Embed("formula", "x^2")).Insert("\n").Build(), undone);
    }
}
