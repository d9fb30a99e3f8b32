using Collab.Grains.LessonPreps;
using Collab.Ot;

namespace Collab.Grains.Tests.LessonPreps;

public sealed class TextDiffTests
{
    [Theory]
    [InlineData("", "新的文本")]
    [InlineData("旧的文本", "")]
    [InlineData("勾股定理的证明", "勾股定理的三种证明")]
    [InlineData("a😀b", "a😁b")]
    [InlineData("same", "same ")]
    public void The_diff_turns_one_text_into_the_other_keeping_the_common_ends(string from, string to)
    {
        var operation = TextDiff.Between(from, to);
        Assert.Equal(to, operation.Apply(from));
        Assert.Equal(CodePoints.Count(from), operation.BaseLength);
    }

    [Fact]
    public void Only_the_changed_middle_is_replaced()
    {
        Assert.Equal(TextOperation.Create([OpComponent.Retain(4), OpComponent.Insert("三种"), OpComponent.Retain(3)]),
            TextDiff.Between("勾股定理的证明", "勾股定理三种的证明"));
    }

    [Fact]
    public void Random_pairs_of_texts_are_always_bridged()
    {
        var random = new Random(42);
        string[] alphabet = ["a", "b", "学", "生", "😀", " "];
        string Text() => string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]));
        for (var i = 0; i < 10_000; i++)
        {
            var from = Text();
            var to = Text();
            Assert.Equal(to, TextDiff.Between(from, to).Apply(from));
        }
    }
}
