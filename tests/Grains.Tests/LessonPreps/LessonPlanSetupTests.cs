using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.LessonPreps;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>The state a group's new plan and a teacher's personal copy start with.</summary>
public sealed class LessonPlanSetupTests
{
    private static readonly Caller Author = new("t1", "王老师", Roles.Teacher, "school-a", "county-a");
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_plan_is_drafted_by_its_creator_with_empty_sections()
    {
        var plan = new LessonPrepState();

        LessonPlanSetup.Start(plan, LessonPlanSetup.Checked(" g1 ", new CreateLessonPrep(" Unit 3 ", "english", "7", null)), Author, At);

        Assert.Equal(("g1", "Unit 3", "english", "7"), (plan.GroupId, plan.Title, plan.Subject, plan.Grade));
        Assert.Equal((LessonPrepPhases.Drafting, "t1", At), (plan.Phase, plan.LeadPreparer, plan.CreatedAt));
        Assert.Null(plan.Owner);
        Assert.Equal(LessonPrepLimits.DefaultSections.Select(s => s.Key), plan.Sections.Select(s => s.Key));
        Assert.All(plan.Sections, s => Assert.Equal("", s.Text));
    }

    [Theory]
    [InlineData(null, "t", "s", "g", ErrorCodes.InvalidArgument)]
    [InlineData("g1", "", "s", "g", ErrorCodes.InvalidArgument)]
    [InlineData("g1", "t", " ", "g", ErrorCodes.InvalidArgument)]
    [InlineData("g1", "t", "s", null, ErrorCodes.InvalidArgument)]
    public void A_new_plan_needs_a_group_a_title_a_subject_and_a_grade(string? group, string? title, string? subject, string? grade, string code)
    {
        Assert.Equal(code, Assert.Throws<CollabException>(() => LessonPlanSetup.Checked(group, new CreateLessonPrep(title!, subject!, grade!, null))).Code);
    }

    [Fact]
    public void A_long_title_is_too_large()
    {
        var command = new CreateLessonPrep(new string('题', LessonPrepLimits.TitleLength + 1), "english", "7", null);

        Assert.Equal(ErrorCodes.TooLarge, Assert.Throws<CollabException>(() => LessonPlanSetup.Checked("g1", command)).Code);
    }

    [Fact]
    public void A_personal_copy_keeps_the_text_but_starts_its_own_reflection_empty_and_last()
    {
        var source = new ForkSource("lp-origin", "g1", "Unit 3", "english", "7",
        [
            new LessonSectionView("reflection", "教学反思", "原教师的反思", "t9"),
            new LessonSectionView("objectives", "教学目标", "理解比喻", "t9"),
        ]);
        var copy = new LessonPrepState();

        LessonPlanSetup.StartCopy(copy, source, Author, At);

        Assert.Equal(("lp-origin", "t1", "t1", LessonPrepPhases.Drafting), (copy.ForkedFrom, copy.Owner, copy.LeadPreparer, copy.Phase));
        Assert.Equal(["objectives", LessonPrepLimits.Reflection.Key], copy.Sections.Select(s => s.Key));
        Assert.Equal("理解比喻", copy.Sections[0].Text);
        Assert.Null(copy.Sections[0].Assignee);
        Assert.Equal(("", LessonPrepLimits.Reflection.Title), (copy.Sections[1].Text, copy.Sections[1].Title));
    }
}
