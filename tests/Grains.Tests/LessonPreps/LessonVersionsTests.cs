using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.LessonPreps;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>Version ids and the edits that bring a plan back to a version, without a grain.</summary>
public sealed class LessonVersionsTests
{
    private static LessonVersionView Version(params (string Key, string Text)[] sections) =>
        new(new LessonVersionSummary("v1", "label", 1, "t1", DateTimeOffset.UnixEpoch),
            sections.Select(s => new LessonSectionView(s.Key, s.Key, s.Text, null)).ToList());

    private static LessonPrepState Plan(params (string Key, string Text)[] sections) =>
        new() { Sections = sections.Select(s => new LessonSection { Key = s.Key, Text = s.Text }).ToList() };

    [Fact]
    public void Only_sections_whose_text_differs_get_an_edit_which_turns_it_into_the_versions()
    {
        var plan = Plan(("objectives", "理解比喻句🎯"), ("process", "导入"), ("homework", "背诵"));

        var edits = LessonVersions.RestoreEdits(plan, Version(("objectives", "理解🎯"), ("process", "导入"), ("homework", "")));

        Assert.Equal(["objectives", "homework"], edits.Select(e => e.Section));
        Assert.Equal("理解🎯", edits[0].Change.Operation.Apply("理解比喻句🎯"));
        Assert.Equal("", edits[1].Change.Operation.Apply("背诵"));
    }

    [Fact]
    public void Sections_the_plan_no_longer_has_are_left_alone_and_so_are_those_the_version_lacks()
    {
        var plan = Plan(("objectives", "新"), ("added-later", "后加"));

        var edits = LessonVersions.RestoreEdits(plan, Version(("objectives", "旧"), ("removed", "没了")));

        Assert.Equal(["objectives"], edits.Select(e => e.Section));
    }

    [Fact]
    public void A_plan_that_already_matches_needs_no_edit()
    {
        Assert.Empty(LessonVersions.RestoreEdits(Plan(("a", "x")), Version(("a", "x"))));
    }

    [Fact]
    public void A_version_id_names_its_revision_and_two_saves_at_one_revision_differ()
    {
        var first = LessonVersions.NewId(42);
        var second = LessonVersions.NewId(42);

        Assert.StartsWith("v42-", first);
        Assert.Equal(20, first.Length);
        Assert.NotEqual(first, second);
    }
}
