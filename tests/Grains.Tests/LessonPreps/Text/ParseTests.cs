using Collab.Ot;
using System.Text.Json;

namespace Collab.Grains.Tests.LessonPreps.Text;

public class ParseTests
{
    [Fact]
    public void Reads_retains_deletes_and_inserts()
    {
        var operation = ParseJson("[2, \"中😀\", -1, 3]");

        Assert.Equal(new object[] { 2, "中😀", -1, 3 }, operation.ToWire());
        Assert.Equal(6, operation.BaseLength);
        Assert.Equal(7, operation.TargetLength);
    }

    [Fact]
    public void Decodes_escaped_surrogate_pairs() => Assert.Equal("😀", ParseJson("[\"\\ud83d\\ude00\"]").Apply(string.Empty));

    [Fact]
    public void Reads_an_empty_array_as_the_identity_on_empty_text() =>
        Assert.Empty(ParseJson("[]").Components);

    [Fact]
    public void Normalises_what_it_reads() => Assert.Equal(ParseJson("[\"ab\", -2, 1]"), ParseJson("[-1, \"a\", -1, \"b\", 1]"));

    [Fact]
    public void Drops_empty_inserts() => Assert.Equal(new object[] { 1, -1 }, ParseJson("[1, \"\", -1, \"\"]").ToWire());

    [Theory]
    [InlineData("{}", "an object")]
    [InlineData("\"abc\"", "a string")]
    [InlineData("3", "a number")]
    [InlineData("null", "null")]
    [InlineData("true", "a boolean")]
    public void Refuses_anything_but_an_array(string json, string described) =>
        Assert.Contains(described, Assert.Throws<OtException>(() => ParseJson(json)).Message);

    [Theory]
    [InlineData("[0]", "component 0 is zero")]
    [InlineData("[1, -0]", "component 1 is zero")]
    [InlineData("[1.5]", "32-bit integer")]
    [InlineData("[1.0]", "32-bit integer")]
    [InlineData("[1e2]", "32-bit integer")]
    [InlineData("[2147483648]", "32-bit integer")]
    [InlineData("[-2147483649]", "32-bit integer")]
    [InlineData("[-2147483648]", "deletes more than")]
    [InlineData("[1, null]", "component 1 must be an integer or a string, not null")]
    [InlineData("[true]", "not a boolean")]
    [InlineData("[false]", "not a boolean")]
    [InlineData("[[1]]", "not an array")]
    [InlineData("[{\"retain\": 1}]", "not an object")]
    [InlineData("[\"\\ud83d\"]", "unpaired surrogate")]
    [InlineData("[\"a\\ude00\"]", "unpaired surrogate")]
    [InlineData("[2147483647, 1]", "must not span more than")]
    [InlineData("[-2147483647, -1]", "must not span more than")]
    public void Refuses_malformed_components(string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<OtException>(() => ParseJson(json)).Message);

    [Fact]
    public void Refuses_a_default_json_element() =>
        Assert.Throws<OtException>(() => TextOperation.Parse(default(JsonElement)));

    [Fact]
    public void Reads_values_from_a_list()
    {
        var operation = TextOperation.Parse(new object?[] { 1, 2L, "x", -1 });
        Assert.Equal(new object[] { 3, "x", -1 }, operation.ToWire());
    }

    [Fact]
    public void Reads_json_elements_from_a_list_as_system_text_json_deserialises_them()
    {
        var values = JsonSerializer.Deserialize<object?[]>("[1, \"中\", -1]")!;
        Assert.Equal(new object[] { 1, "中", -1 }, TextOperation.Parse(values).ToWire());
    }

    public static TheoryData<object?, string> MalformedValues => new()
    {
        { null, "null" },
        { 0, "zero" },
        { 1.0, "Double" },
        { 1m, "Decimal" },
        { true, "boolean" },
        { 'a', "Char" },
        { 3_000_000_000L, "outside the 32-bit range" },
        { new object[] { 1 }, "Object[]" },
        { "\uD83D", "unpaired surrogate" },
        { JsonDocument.Parse("1.5").RootElement, "32-bit integer" },
    };

    [Theory]
    [MemberData(nameof(MalformedValues))]
    public void Refuses_malformed_values_in_a_list(object? value, string reason)
    {
        var error = Assert.Throws<OtException>(() => TextOperation.Parse(new[] { 1, value }));
        Assert.Contains("component 1", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Round_trips_through_json()
    {
        var operation = TextOperation.Create([OpComponent.Retain(1), OpComponent.Insert("你好 👍"), OpComponent.Delete(2)]);
        Assert.Equal(operation, ParseJson(JsonSerializer.Serialize(operation.ToWire())));
    }

    private static TextOperation ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return TextOperation.Parse(document.RootElement);
    }
}
