using Collab.Grains.Interfaces.Common;
using Collab.Grains.LessonPreps;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>A new comment checked against its section's text and the plan's cap, without a grain.</summary>
public sealed class LessonCommentsTests
{
    private static readonly Caller Author = new("t1", "王老师", Roles.Teacher, "school-a", "county-a");
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static (LessonPrepState Plan, LessonSection Section) Plan(string text = "a🎯b")
    {
        var section = new LessonSection { Key = "objectives", Text = text };
        return (new LessonPrepState { Sections = [section] }, section);
    }

    [Fact]
    public void Comments_are_numbered_in_order_and_keep_who_wrote_them()
    {
        var (plan, section) = Plan();

        var first = LessonComments.Add(plan, section, 0, 1, "好", Author, At);
        var second = LessonComments.Add(plan, section, 1, 3, " 再想想 ", Author, At);

        Assert.Equal(["c1", "c2"], plan.Comments.Select(c => c.Id));
        Assert.Equal(("objectives", 0, 1, "t1", "王老师", At), (first.Section, first.Start, first.End, first.UserId, first.Name, first.At));
        // Comment text is kept as written, spaces included.
        Assert.Equal(" 再想想 ", second.Text);
        Assert.False(second.Resolved);
    }

    [Theory]
    [InlineData(0, 3, true)]
    [InlineData(3, 3, true)]
    [InlineData(2, 1, false)]
    [InlineData(-1, 1, false)]
    [InlineData(0, 4, false)]
    public void A_comment_covers_a_range_within_the_text_in_code_points(int start, int end, bool within)
    {
        var (plan, section) = Plan();

        var added = Record.Exception(() => LessonComments.Add(plan, section, start, end, "注", Author, At));

        Assert.Equal(within, added is null);
        Assert.True(within || added is CollabException { Code: ErrorCodes.InvalidArgument });
        Assert.Equal(within ? 1 : 0, plan.Comments.Count);
    }

    [Theory]
    [InlineData("", ErrorCodes.InvalidArgument)]
    [InlineData("   ", ErrorCodes.InvalidArgument)]
    [InlineData(null, ErrorCodes.InvalidArgument)]
    public void A_refused_comment_changes_nothing_and_leaves_no_gap_in_the_ids(string? text, string code)
    {
        var (plan, section) = Plan();

        Assert.Equal(code, Assert.Throws<CollabException>(() => LessonComments.Add(plan, section, 0, 1, text, Author, At)).Code);

        Assert.Empty(plan.Comments);
        Assert.Equal(0, plan.CommentCount);
        Assert.Equal("c1", LessonComments.Add(plan, section, 0, 1, "好", Author, At).Id);
    }

    [Fact]
    public void A_long_comment_is_too_large()
    {
        var (plan, section) = Plan();

        var error = Assert.Throws<CollabException>(() => LessonComments.Add(plan, section, 0, 1, new string('评', LessonPrepLimits.CommentLength + 1), Author, At));

        Assert.Equal(ErrorCodes.TooLarge, error.Code);
    }

    [Fact]
    public void A_plan_holds_at_most_the_comment_cap()
    {
        var (plan, section) = Plan();
        plan.Comments = Enumerable.Range(0, LessonPrepLimits.Comments).Select(i => new LessonComment { Id = $"c{i}" }).ToList();

        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<CollabException>(() => LessonComments.Add(plan, section, 0, 1, "多", Author, At)).Code);
        Assert.Equal(LessonPrepLimits.Comments, plan.Comments.Count);
    }
}
