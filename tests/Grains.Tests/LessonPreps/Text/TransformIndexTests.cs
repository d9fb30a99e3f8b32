using Collab.Ot;
using static Collab.Grains.Tests.LessonPreps.Text.Support.Ops;

namespace Collab.Grains.Tests.LessonPreps.Text;

public class TransformIndexTests
{
    [Theory]
    [InlineData(0, 0)] // before the insert
    [InlineData(3, 5)] // after it
    [InlineData(4, 6)] // at the end of the text
    public void Positions_after_an_insert_shift_by_its_code_points(int position, int expected) =>
        Assert.Equal(expected, TextOperation.TransformIndex(position, Op(2, "😀中", 2)));

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 4)]
    public void An_insert_at_the_position_moves_it_only_when_following(bool followInsert, int expected) =>
        Assert.Equal(expected, TextOperation.TransformIndex(2, Op(2, "😀中", 2), followInsert));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)] // at the start of the deletion
    [InlineData(2, 1)] // inside it: collapses to where it was
    [InlineData(3, 1)]
    [InlineData(4, 1)] // just after it
    [InlineData(6, 3)]
    public void Positions_in_or_after_a_delete_move_back(int position, int expected) =>
        Assert.Equal(expected, TextOperation.TransformIndex(position, Op(1, -3, 2)));

    [Fact]
    public void A_position_inside_replaced_text_lands_after_the_replacement() =>
        Assert.Equal(3, TextOperation.TransformIndex(2, Op(1, "ab", -3, 2)));

    [Fact]
    public void Retain_only_operation_keeps_positions() =>
        Assert.Equal(2, TextOperation.TransformIndex(2, Op(5), followInsert: true));

    [Fact]
    public void A_comment_anchor_does_not_grow_when_text_is_typed_at_its_edges()
    {
        // Anchor over "课程" in "上课程了"; someone types at both ends of it.
        var edit = Op(1, "新", 2, "!", 1);

        var start = TextOperation.TransformIndex(1, edit, followInsert: true);
        var end = TextOperation.TransformIndex(3, edit, followInsert: false);

        Assert.Equal("课程", CodePoints.Slice(edit.Apply("上课程了"), start, end - start));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Refuses_positions_outside_the_text(int position) =>
        Assert.Throws<OtException>(() => TextOperation.TransformIndex(position, Op(3)));
}
