using Collab.Ot;
using static Collab.Grains.Tests.LessonPreps.Text.Support.Ops;

namespace Collab.Grains.Tests.LessonPreps.Text;

public class ComposeTests
{
    [Fact]
    public void Typing_then_typing_more_becomes_one_insert() =>
        Assert.Equal(Op(2, "你好😀", 1), TextOperation.Compose(Op(2, "你好", 1), Op(4, "😀", 1)));

    [Fact]
    public void Insert_then_deleting_it_cancels_out() =>
        Assert.Equal(Op(3), TextOperation.Compose(Op(1, "👍🏽", 2), Op(1, -2, 2)));

    [Fact]
    public void Deleting_part_of_an_insert_keeps_the_rest_without_splitting_emoji() =>
        Assert.Equal(Op("😀🎉"), TextOperation.Compose(Op("😀中🎉"), Op(1, -1, 1)));

    [Fact]
    public void Deletes_from_both_accumulate()
    {
        var composed = TextOperation.Compose(Op(1, -2, 3), Op(-1, 1, -1, 1));

        Assert.Equal(Op(-3, 1, -1, 1), composed);
        Assert.Equal("df", composed.Apply("abcdef"));
    }

    [Fact]
    public void Retain_only_operations_are_identities()
    {
        var edit = Op(1, "x", -1, 1);

        Assert.Equal(edit, TextOperation.Compose(Op(3), edit));
        Assert.Equal(edit, TextOperation.Compose(edit, Op(3)));
    }

    [Fact]
    public void Composes_on_empty_text() => Assert.Equal(Op("ab"), TextOperation.Compose(Op("a"), Op(1, "b")));

    [Fact]
    public void Refuses_operations_that_do_not_chain() =>
        Assert.Contains("produces 4 code points but the second expects 3", Assert.Throws<OtException>(() => TextOperation.Compose(Op(3, "😀"), Op(3))).Message);

    [Fact]
    public void Long_inserts_sliced_one_code_point_at_a_time_stay_linear()
    {
        // Deleting every other code point of a long insert would be quadratic if each slice rescanned it.
        const int length = 200_000;
        var insert = string.Concat(Enumerable.Repeat("😀中", length / 2));
        var alternate = TextOperation.Create(Enumerable.Range(0, length).Select(i => i % 2 == 0 ? OpComponent.Retain(1) : OpComponent.Delete(1)));

        var composed = TextOperation.Compose(Op(insert), alternate);

        Assert.Equal(string.Concat(Enumerable.Repeat("😀", length / 2)), composed.Apply(string.Empty));
    }
}
