using Collab.Ot;
using Collab.Ot.Rich;

namespace Collab.Grains.Tests.LessonPreps.Rich;

public sealed class DeltaWireTests
{
    [Fact]
    public void The_wire_form_reads_back_to_the_same_delta_with_formats_in_key_order()
    {
        var delta = Delta.Parse("""[{"insert":"标题","attributes":{"header":1,"bold":true}},{"insert":{"formula":"x^2"}},{"retain":3,"attributes":{"color":null}},{"delete":2}]""");

        Assert.Equal("""[{"insert":"标题","attributes":{"bold":true,"header":1}},{"insert":{"formula":"x^2"}},{"retain":3,"attributes":{"color":null}},{"delete":2}]""", delta.ToJson());
        Assert.Equal(delta, Delta.Parse(delta.ToJson()));
    }

    [Fact]
    public void Parsing_normalises_as_quill_delta_pushes()
    {
        var delta = Delta.Parse("""[{"retain":1},{"retain":2},{"delete":1},{"insert":"a"},{"insert":"b"},{"delete":2},{"insert":""},{"retain":4,"attributes":{}}]""");

        Assert.Equal("""[{"retain":3},{"insert":"ab"},{"delete":3}]""", delta.ToJson());
    }

    [Fact]
    public void Lengths_count_utf16_code_units_and_an_embed_one()
    {
        var delta = Delta.Parse("""[{"insert":"a😀"},{"insert":{"image":"/api/files/f-1"}}]""");

        Assert.Equal(4, delta.Length);
        Assert.True(delta.IsDocument);
    }

    [Theory]
    [InlineData("""{"ops":[]}""")]
    [InlineData("""[3]""")]
    [InlineData("""[{"retain":0}]""")]
    [InlineData("""[{"delete":-1}]""")]
    [InlineData("""[{"retain":1.5}]""")]
    [InlineData("""[{"retain":2147483647}]""")]
    [InlineData("""[{"retain":1,"delete":1}]""")]
    [InlineData("""[{"insert":"a","insert":"b"}]""")]
    [InlineData("""[{}]""")]
    [InlineData("""[{"insert":"a","extra":1}]""")]
    [InlineData("""[{"delete":1,"attributes":{"bold":true}}]""")]
    [InlineData("""[{"insert":7}]""")]
    [InlineData("""[{"insert":{}}]""")]
    [InlineData("""[{"insert":{"formula":"x","image":"y"}}]""")]
    [InlineData("""[{"insert":{"formula":{"latex":"x"}}}]""")]
    [InlineData("""[{"insert":"a","attributes":{"bold":{"deep":true}}}]""")]
    [InlineData("""[{"insert":"a","attributes":[1]}]""")]
    [InlineData("""[{"insert":"\ud83d"}]""")]
    [InlineData("""[{"insert":"a"}""")]
    public void A_malformed_delta_is_refused(string json)
    {
        Assert.Throws<OtException>(() => Delta.Parse(json));
    }

    [Fact]
    public void A_trailing_plain_retain_is_chopped_but_a_formatting_one_stays()
    {
        Assert.Equal("""[{"insert":"a"}]""", new DeltaBuilder().Insert("a").Retain(5).Build().ToJson());
        Assert.Equal("""[{"retain":5,"attributes":{"bold":true}}]""",
            new DeltaBuilder().Retain(5, AttributeMap.Of(("bold", AttributeValue.Of(true)))).Build().ToJson());
    }
}
