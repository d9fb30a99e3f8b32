using Collab.Grains.Interfaces.Common;
using Collab.Grains.LessonPreps.Rich;
using Collab.Ot.Rich;

namespace Collab.Grains.Tests.LessonPreps.Rich;

public sealed class RichChangeRulesTests
{
    private static readonly Delta Content = Delta.Parse("""[{"insert":"课题😀"},{"insert":{"formula":"x^2"}},{"insert":"\n","attributes":{"header":1}}]""");

    [Theory]
    [InlineData("""[{"retain":2},{"insert":"复习","attributes":{"bold":true,"italic":true,"underline":true,"color":"#e60000"}}]""")]
    [InlineData("""[{"retain":4,"attributes":{"bold":null,"link":"https://example.org/a?b=1"}}]""")]
    [InlineData("""[{"insert":"见","attributes":{"link":"/lessonpreps/lp-1"}},{"insert":"信","attributes":{"link":"mailto:a@example.org"}}]""")]
    [InlineData("""[{"insert":{"formula":"\\frac{1}{2}"}},{"insert":{"image":"/api/files/f-12_ab"}}]""")]
    [InlineData("""[{"insert":"行\n","attributes":{"bold":true}},{"insert":"\n","attributes":{"list":"ordered"}}]""")]
    [InlineData("""[{"insert":"\n","attributes":{"table":"row-ab12"}},{"insert":"\n\n","attributes":{"header":6}}]""")]
    [InlineData("""[{"retain":5},{"retain":1,"attributes":{"header":null,"list":"bullet"}}]""")]
    [InlineData("""[{"retain":6},{"insert":"\n","attributes":{"header":2}}]""")]
    [InlineData("""[]""")]
    public void An_allowed_change_applies(string json)
    {
        var change = RichChangeRules.ParseChange(json);

        Assert.Equal(Content.Compose(change), RichChangeRules.Apply(Content, change));
    }

    [Theory]
    [InlineData("""[{"insert":"x","attributes":{"font":"serif"}}]""", "unknown format 'font'")]
    [InlineData("""[{"insert":"x","attributes":{"onclick":"alert(1)"}}]""", "unknown format")]
    [InlineData("""[{"insert":"x","attributes":{"bold":"yes"}}]""", "bold")]
    [InlineData("""[{"insert":"x","attributes":{"bold":false}}]""", "bold")]
    [InlineData("""[{"insert":"x","attributes":{"bold":null}}]""", "only a retain")]
    [InlineData("""[{"insert":"x","attributes":{"color":"red; background:url(x)"}}]""", "color")]
    [InlineData("""[{"insert":"x","attributes":{"link":"javascript:alert(1)"}}]""", "link")]
    [InlineData("""[{"insert":"x","attributes":{"link":"data:text/html,hi"}}]""", "link")]
    [InlineData("""[{"insert":"x","attributes":{"link":"//evil.example/a"}}]""", "link")]
    [InlineData("""[{"insert":"\n","attributes":{"header":7}}]""", "header")]
    [InlineData("""[{"insert":"\n","attributes":{"header":1.5}}]""", "header")]
    [InlineData("""[{"insert":"\n","attributes":{"list":"roman"}}]""", "list")]
    [InlineData("""[{"insert":"\n","attributes":{"table":"<td>"}}]""", "row")]
    [InlineData("""[{"insert":"标题\n","attributes":{"header":1}}]""", "line break only")]
    [InlineData("""[{"insert":{"formula":"x"},"attributes":{"list":"bullet"}}]""", "line break only")]
    [InlineData("""[{"insert":{"video":"https://example.org/v"}}]""", "unknown embed 'video'")]
    [InlineData("""[{"insert":{"image":"data:image/png;base64,iVBORw0KGgo="}}]""", "attachment")]
    [InlineData("""[{"insert":{"image":"https://elsewhere.example/a.png"}}]""", "attachment")]
    [InlineData("""[{"insert":{"formula":""}}]""", "formula")]
    [InlineData("""[{"insert":"a\u0000b"}]""", "control character")]
    [InlineData("""[{"insert":"a\ud83d"}]""", "surrogate")]
    [InlineData("""[{"retain":-1}]""", "malformed delta")]
    [InlineData("""{"ops":[]}""", "malformed delta")]
    [InlineData("""not json""", "malformed delta")]
    public void A_refused_change_names_why(string json, string reason)
    {
        var error = Assert.Throws<CollabException>(() => RichChangeRules.ParseChange(json));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_change_that_reaches_past_the_content_does_not_span_the_document()
    {
        var change = RichChangeRules.ParseChange("""[{"retain":6},{"delete":2}]""");

        var error = Assert.Throws<CollabException>(() => RichChangeRules.Apply(Content, change));
        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("does not span the document", error.Message);
    }

    [Theory]
    [InlineData("""[{"retain":3},{"delete":1}]""")]
    [InlineData("""[{"retain":3},{"insert":"x"}]""")]
    [InlineData("""[{"retain":2},{"delete":1}]""")]
    public void A_change_that_cuts_a_surrogate_pair_is_refused(string json)
    {
        var error = Assert.Throws<CollabException>(() => RichChangeRules.Apply(Content, RichChangeRules.ParseChange(json)));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("surrogate pair", error.Message);
    }

    [Fact]
    public void A_line_format_on_a_retain_must_cover_line_breaks_only()
    {
        var error = Assert.Throws<CollabException>(() =>
            RichChangeRules.Apply(Content, RichChangeRules.ParseChange("""[{"retain":6,"attributes":{"header":2}}]""")));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("line breaks only", error.Message);
    }

    [Fact]
    public void A_change_or_a_section_past_the_limits_is_too_large()
    {
        var bigJson = $$"""[{"insert":"{{new string('a', RichLimits.DeltaJsonBytes)}}"}]""";
        Assert.Equal(ErrorCodes.TooLarge, Assert.Throws<CollabException>(() => RichChangeRules.ParseChange(bigJson)).Code);

        var manyOps = "[" + string.Join(",", Enumerable.Range(0, RichLimits.DeltaOps + 1).Select(i => i % 2 == 0 ? """{"insert":"a"}""" : """{"insert":"b","attributes":{"bold":true}}""")) + "]";
        Assert.Equal(ErrorCodes.TooLarge, Assert.Throws<CollabException>(() => RichChangeRules.ParseChange(manyOps)).Code);

        var nearlyFull = new DeltaBuilder().Insert(new string('a', RichLimits.SectionLength - 1)).Build();
        var twoMore = RichChangeRules.ParseChange("""[{"insert":"bc"}]""");
        Assert.Equal(ErrorCodes.TooLarge, Assert.Throws<CollabException>(() => RichChangeRules.Apply(nearlyFull, twoMore)).Code);
        Assert.Equal(RichLimits.SectionLength, RichChangeRules.Apply(nearlyFull, RichChangeRules.ParseChange("""[{"insert":"b"}]""")).Length);
    }

    [Fact]
    public void Whole_content_is_checked_by_the_same_rules()
    {
        RichChangeRules.CheckDocument(Content);

        Assert.Equal(ErrorCodes.InvalidArgument,
            Assert.Throws<CollabException>(() => RichChangeRules.CheckDocument(Delta.Parse("""[{"insert":"a"},{"delete":1}]"""))).Code);
        Assert.Equal(ErrorCodes.InvalidArgument,
            Assert.Throws<CollabException>(() => RichChangeRules.CheckDocument(Delta.Parse("""[{"insert":"x","attributes":{"script":"1"}}]"""))).Code);
    }
}
