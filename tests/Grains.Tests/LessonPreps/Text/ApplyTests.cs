using Collab.Ot;
using static Collab.Grains.Tests.LessonPreps.Text.Support.Ops;

namespace Collab.Grains.Tests.LessonPreps.Text;

public class ApplyTests
{
    [Fact]
    public void Inserts_into_chinese_text() => Assert.Equal("你好，世界", Op(2, "，", 2).Apply("你好世界"));

    [Fact]
    public void Deletes_an_emoji_whole() => Assert.Equal("ab", Op(1, -1, 1).Apply("a😀b"));

    [Fact]
    public void Retains_emoji_without_splitting_them() =>
        Assert.Equal("😀👍!🎉", Op(2, "!", 1).Apply("😀👍🎉"));

    [Fact]
    public void Deletes_only_the_skin_tone_of_an_emoji_because_it_is_its_own_code_point() =>
        Assert.Equal("👍", Op(1, -1).Apply("👍🏽"));

    [Fact]
    public void Replaces_mixed_text()
    {
        var operation = Op(-2, "课程", 1, -1, "🎉");
        Assert.Equal("课程😀🎉", operation.Apply("ab😀c"));
        Assert.Equal(4, operation.BaseLength);
        Assert.Equal(4, operation.TargetLength);
    }

    [Fact]
    public void Retain_only_operation_leaves_the_text_alone() => Assert.Equal("中😀x", Op(3).Apply("中😀x"));

    [Fact]
    public void Empty_operation_applies_to_empty_text() => Assert.Equal(string.Empty, Op().Apply(string.Empty));

    [Fact]
    public void Insert_into_empty_text() => Assert.Equal("👍", Op("👍").Apply(string.Empty));

    [Theory]
    [InlineData("ab")] // too short
    [InlineData("abcd")] // too long
    [InlineData("a😀")] // three UTF-16 units, but two code points
    [InlineData("")]
    public void Refuses_text_of_the_wrong_length(string text)
    {
        var error = Assert.Throws<OtException>(() => Op(1, -1, 1).Apply(text));
        Assert.Contains("3 code points", error.Message);
    }

    [Fact]
    public void Counts_an_emoji_as_one_code_point_not_two_utf16_units() =>
        Assert.Throws<OtException>(() => Op(2).Apply("😀"));
}
