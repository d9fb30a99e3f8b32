using Collab.Ot;
using static Collab.Grains.Tests.LessonPreps.Text.Support.Ops;

namespace Collab.Grains.Tests.LessonPreps.Text;

public class TransformTests
{
    [Fact]
    public void Inserts_at_the_same_position_put_the_first_operations_text_first()
    {
        var (firstPrime, secondPrime) = TextOperation.Transform(Op(1, "X", 2), Op(1, "Y", 2));

        Assert.Equal(Op(1, "X", 3), firstPrime);
        Assert.Equal(Op(2, "Y", 2), secondPrime);
        AssertConverges("abc", Op(1, "X", 2), Op(1, "Y", 2), "aXYbc");
    }

    [Fact]
    public void An_incoming_insert_lands_after_one_the_server_already_applied()
    {
        var applied = Op(2, "服务器", 1);
        var incoming = Op(2, "😀", 1);

        var rebased = TextOperation.TransformAgainst(incoming, [applied]);

        Assert.Equal("中文服务器😀!", rebased.Apply(applied.Apply("中文!")));
    }

    [Fact]
    public void Overlapping_deletes_delete_the_union() => AssertConverges("abcdef", Op(1, -3, 2), Op(2, -3, 1), "af");

    [Fact]
    public void Identical_deletes_become_retains()
    {
        var (firstPrime, secondPrime) = TextOperation.Transform(Op(1, -1, 1), Op(1, -1, 1));

        Assert.Equal(Op(2), firstPrime);
        Assert.Equal(Op(2), secondPrime);
    }

    [Fact]
    public void Insert_inside_a_concurrently_deleted_range_survives() =>
        AssertConverges("abcdef", Op(1, -3, 2), Op(3, "Z", 3), "aZef");

    [Fact]
    public void Deleting_an_emoji_while_another_client_types_next_to_it() =>
        AssertConverges("a😀b", Op(1, -1, 1), Op(2, "👍", 1), "a👍b");

    [Fact]
    public void Chinese_replacements_on_both_sides() =>
        AssertConverges("今天上课", Op(-2, "明天", 2), Op(2, -2, "放假"), "明天放假");

    [Fact]
    public void Retain_only_operation_changes_nothing()
    {
        var edit = Op(1, "x", -1, 1);

        var (editPrime, identityPrime) = TextOperation.Transform(edit, Op(3));

        Assert.Equal(edit, editPrime);
        Assert.Equal(Op(3), identityPrime);
    }

    [Fact]
    public void Inserts_into_empty_text_on_both_sides() => AssertConverges(string.Empty, Op("你"), Op("😀"), "你😀");

    [Fact]
    public void Refuses_operations_on_texts_of_different_lengths() =>
        Assert.Throws<OtException>(() => TextOperation.Transform(Op(2), Op(3)));

    [Fact]
    public void TransformAgainst_rebases_through_each_applied_operation_in_order()
    {
        var history = new[] { Op("A", 3), Op(4, "B"), Op(-1, 4) };
        var incoming = Op(1, -1, 1);

        var rebased = TextOperation.TransformAgainst(incoming, history);

        Assert.Equal(Op(1, -1, 2), rebased);
        Assert.Equal("acB", rebased.Apply("abcB"));
    }

    [Fact]
    public void TransformAgainst_nothing_returns_the_operation() =>
        Assert.Equal(Op(1, "x"), TextOperation.TransformAgainst(Op(1, "x"), []));

    [Fact]
    public void TransformAgainst_refuses_a_history_that_does_not_chain() =>
        Assert.Throws<OtException>(() => TextOperation.TransformAgainst(Op(2), [Op(2, "x"), Op(2)]));

    private static void AssertConverges(string text, TextOperation first, TextOperation second, string expected)
    {
        var (firstPrime, secondPrime) = TextOperation.Transform(first, second);

        Assert.Equal(expected, secondPrime.Apply(first.Apply(text)));
        Assert.Equal(expected, firstPrime.Apply(second.Apply(text)));
    }
}
