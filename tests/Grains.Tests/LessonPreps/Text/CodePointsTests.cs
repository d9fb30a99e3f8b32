using Collab.Ot;
namespace Collab.Grains.Tests.LessonPreps.Text;

public class CodePointsTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("你好世界", 4)]
    [InlineData("😀", 1)]
    [InlineData("a😀b👍c", 5)]
    [InlineData("👍🏽", 2)] // thumbs up + skin tone: one grapheme, two code points
    [InlineData("e\u0301", 2)] // combining accent counts on its own
    public void Counts_code_points(string text, int expected) => Assert.Equal(expected, CodePoints.Count(text));

    [Fact]
    public void Counts_each_unpaired_surrogate_as_one_code_point_as_javascript_does()
    {
        // Built from chars: attribute arguments cannot carry unpaired surrogates intact.
        Assert.Equal(1, CodePoints.Count(new string('\uD83D', 1)));
        Assert.Equal(2, CodePoints.Count(new string(['\uDE00', '\uD83D'])));
        Assert.Equal(3, CodePoints.Count(new string(['a', '\uD83D', '\uD83D', '\uDE00'])));
    }

    [Theory]
    [InlineData("a😀b👍c", 1, 3, "😀b👍")]
    [InlineData("a😀b👍c", 0, 0, "")]
    [InlineData("a😀b👍c", 5, 0, "")]
    [InlineData("中文😀", 2, 1, "😀")]
    public void Slices_by_code_point(string text, int start, int length, string expected) =>
        Assert.Equal(expected, CodePoints.Slice(text, start, length));

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(4, 0)]
    [InlineData(2, 2)]
    public void Slice_outside_the_text_throws(int start, int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CodePoints.Slice("a😀b", start, length));
}
