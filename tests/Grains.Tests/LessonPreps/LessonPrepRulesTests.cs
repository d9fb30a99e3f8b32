using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.LessonPreps;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>Who may do what to a plan and what a command may hold, checked without a grain.</summary>
public sealed class LessonPrepRulesTests
{
    private static readonly Caller Teacher = new("t1", "王老师", Roles.Teacher, "school-a", "county-a");
    private static readonly Caller Student = new("s1", "小明", Roles.Student, "school-a", "county-a");

    private static LessonPrepState Plan(string phase = LessonPrepPhases.Drafting, string lead = "t1", string? owner = null) =>
        new() { GroupId = "g1", Phase = phase, LeadPreparer = lead, Owner = owner };

    private static string CodeOf(Action check) => Assert.Throws<CollabException>(check).Code;

    [Fact]
    public void A_plan_is_new_until_it_has_a_group()
    {
        Assert.Null(Record.Exception(() => LessonPrepRules.RequireNew(new LessonPrepState(), "lp-1")));
        Assert.Equal(ErrorCodes.Conflict, CodeOf(() => LessonPrepRules.RequireNew(Plan(), "lp-1")));
    }

    [Fact]
    public void Without_sections_a_plan_gets_the_default_ones()
    {
        Assert.Same(LessonPrepLimits.DefaultSections, LessonPrepRules.ValidSections(null));
        Assert.Same(LessonPrepLimits.DefaultSections, LessonPrepRules.ValidSections([]));
    }

    [Fact]
    public void Named_sections_are_kept_in_order_and_trimmed()
    {
        var sections = LessonPrepRules.ValidSections([new SectionSpec(" intro ", " 导入 "), new SectionSpec("drill", "练习")]);

        Assert.Equal([new SectionSpec("intro", "导入"), new SectionSpec("drill", "练习")], sections);
    }

    [Fact]
    public void Section_keys_are_unique()
    {
        Assert.Equal(ErrorCodes.InvalidArgument,
            CodeOf(() => LessonPrepRules.ValidSections([new SectionSpec("a", "一"), new SectionSpec(" a", "二")])));
    }

    [Theory]
    [InlineData("", "标题")]
    [InlineData("key", " ")]
    [InlineData(null, "标题")]
    [InlineData("key", null)]
    public void A_section_needs_a_key_and_a_title(string? key, string? title)
    {
        Assert.Equal(ErrorCodes.InvalidArgument, CodeOf(() => LessonPrepRules.ValidSections([new SectionSpec(key!, title!)])));
    }

    [Fact]
    public void A_missing_section_entry_is_refused_not_a_crash()
    {
        Assert.Equal(ErrorCodes.InvalidArgument, CodeOf(() => LessonPrepRules.ValidSections([null!])));
    }

    [Fact]
    public void Long_section_fields_are_too_large()
    {
        Assert.Equal(ErrorCodes.TooLarge, CodeOf(() => LessonPrepRules.ValidSections(
            [new SectionSpec(new string('k', LessonPrepLimits.ShortFieldLength + 1), "标题")])));
        Assert.Equal(ErrorCodes.TooLarge, CodeOf(() => LessonPrepRules.ValidSections(
            [new SectionSpec("k", new string('题', LessonPrepLimits.TitleLength + 1))])));
    }

    [Fact]
    public void A_plan_has_at_most_the_section_cap()
    {
        var atCap = Enumerable.Range(0, LessonPrepLimits.Sections).Select(i => new SectionSpec($"s{i}", $"第{i}节")).ToList();

        Assert.Equal(LessonPrepLimits.Sections, LessonPrepRules.ValidSections(atCap).Count);
        Assert.Equal(ErrorCodes.TooLarge, CodeOf(() => LessonPrepRules.ValidSections([.. atCap, new SectionSpec("one-more", "多")])));
    }

    [Fact]
    public void A_group_plan_leaves_the_role_to_the_group()
    {
        Assert.Null(LessonPrepRules.RoleInPersonalCopy(Plan(), "lp-1", Teacher));
    }

    [Fact]
    public void A_personal_copy_is_its_owners_alone_who_lead_it()
    {
        var copy = Plan(owner: "t1");

        Assert.Equal(GroupRoles.Leader, LessonPrepRules.RoleInPersonalCopy(copy, "lp-1", Teacher));
        Assert.Equal(ErrorCodes.Forbidden, CodeOf(() => LessonPrepRules.RoleInPersonalCopy(copy, "lp-1", Teacher with { UserId = "t2" })));
    }

    [Theory]
    [InlineData("t1", GroupRoles.Member, true)]
    [InlineData("t2", GroupRoles.Leader, true)]
    [InlineData("t2", GroupRoles.Member, false)]
    public void The_lead_preparer_or_the_group_leader_leads(string userId, string role, bool leads)
    {
        var check = Record.Exception(() => LessonPrepRules.RequireLead(Plan(lead: "t1"), Teacher with { UserId = userId }, role));

        Assert.Equal(leads, check is null);
        Assert.True(leads || check is CollabException { Code: ErrorCodes.Forbidden });
    }

    [Theory]
    [InlineData(LessonPrepPhases.Drafting, true)]
    [InlineData(LessonPrepPhases.Discussion, true)]
    [InlineData(LessonPrepPhases.Finalized, false)]
    public void A_finalized_plan_is_read_only(string phase, bool editable)
    {
        var check = Record.Exception(() => LessonPrepRules.RequireEditable(Plan(phase), "lp-1"));

        Assert.Equal(editable, check is null);
        Assert.True(editable || check is CollabException { Code: ErrorCodes.Forbidden });
    }

    [Theory]
    [InlineData("drafting", true)]
    [InlineData("discussion", true)]
    [InlineData("finalized", true)]
    [InlineData("Finalized", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("published", false)]
    public void A_phase_is_one_of_three(string? phase, bool known)
    {
        var check = Record.Exception(() => LessonPrepRules.RequireKnownPhase(phase));

        Assert.Equal(known, check is null);
        Assert.True(known || check is CollabException { Code: ErrorCodes.InvalidArgument });
    }

    [Fact]
    public void Only_a_teacher_forks_and_only_a_finalized_plan()
    {
        Assert.Null(Record.Exception(() => LessonPrepRules.RequireMayFork(Plan(LessonPrepPhases.Finalized), Teacher)));
        Assert.Equal(ErrorCodes.Forbidden, CodeOf(() => LessonPrepRules.RequireMayFork(Plan(LessonPrepPhases.Finalized), Student)));
        Assert.Equal(ErrorCodes.Conflict, CodeOf(() => LessonPrepRules.RequireMayFork(Plan(LessonPrepPhases.Discussion), Teacher)));
    }

    [Fact]
    public void A_named_version_is_refused_at_the_cap_and_a_phase_change_then_keeps_none()
    {
        Assert.Null(Record.Exception(() => LessonPrepRules.RequireRoomForVersion(LessonPrepLimits.Versions - 1)));
        Assert.Equal(ErrorCodes.Conflict, CodeOf(() => LessonPrepRules.RequireRoomForVersion(LessonPrepLimits.Versions)));
        Assert.True(LessonPrepRules.KeepsPhaseVersion(LessonPrepLimits.Versions - 1));
        Assert.False(LessonPrepRules.KeepsPhaseVersion(LessonPrepLimits.Versions));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("t2", "t2")]
    public void An_empty_assignee_clears_the_assignment(string? userId, string? assignee)
    {
        Assert.Equal(assignee, LessonPrepRules.Assignee(userId));
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(3, 0, true)]
    [InlineData(0, 3, true)]
    [InlineData(4, 0, false)]
    [InlineData(0, 4, false)]
    [InlineData(-1, 0, false)]
    [InlineData(0, -1, false)]
    public void A_cursor_lies_within_its_sections_text_in_code_points(int anchor, int head, bool within)
    {
        // Three code points, four UTF-16 units: the emoji counts once.
        var section = new LessonSection { Key = "objectives", Text = "a🎯b" };

        var check = Record.Exception(() => LessonPrepRules.RequireCursorWithin(section, anchor, head));

        Assert.Equal(within, check is null);
        Assert.True(within || check is CollabException { Code: ErrorCodes.InvalidArgument });
    }
}
