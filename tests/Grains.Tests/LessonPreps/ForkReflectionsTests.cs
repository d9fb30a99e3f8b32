using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.LessonPreps;

namespace Collab.Grains.Tests.LessonPreps;

public sealed class ForkReflectionsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static LessonPrepState Copy(string reflection = "") => new()
    {
        GroupId = "g-1",
        Owner = "t1",
        ForkedFrom = "lp-origin",
        Revision = 4,
        Sections = [new LessonSection { Key = "process", Text = "warm-up" }, new LessonSection { Key = LessonPrepLimits.Reflection.Key, Text = reflection }],
    };

    private static LessonPrepState Original(params string[] forkIds) => new()
    {
        GroupId = "g-1",
        Forks = forkIds.Select(id => new ForkRecord(id, $"user-{id}", "李老师", At, Reflected: false)).ToList(),
    };

    [Fact]
    public void A_copy_owes_its_reflection_while_it_differs_from_what_the_original_confirmed()
    {
        var copy = Copy();
        Assert.Null(ForkReflections.Due(copy, "lp-copy", At));

        copy.Sections[1].Text = "学生对比喻句掌握较好";
        var due = ForkReflections.Due(copy, "lp-copy", At);
        Assert.Equal(new ForkReflection("lp-copy", "学生对比喻句掌握较好", 4, At), due);

        ForkReflections.Confirmed(copy, due!);
        Assert.Null(ForkReflections.Due(copy, "lp-copy", At));

        // Emptied again, the original must learn that too.
        copy.Sections[1].Text = "";
        copy.Revision = 5;
        Assert.Equal(new ForkReflection("lp-copy", "", 5, At), ForkReflections.Due(copy, "lp-copy", At));
    }

    [Fact]
    public void An_original_owes_no_reflection_even_with_one_written()
    {
        var original = Original();
        original.Sections = [new LessonSection { Key = LessonPrepLimits.Reflection.Key, Text = "反思" }];

        Assert.Null(ForkReflections.Due(original, "lp-origin", At));
    }

    [Fact]
    public void A_rich_reflection_reads_as_its_string_inserts_without_quills_closing_line_break()
    {
        var section = new LessonSection
        {
            Key = LessonPrepLimits.Reflection.Key,
            Format = SectionFormats.Rich,
            Content = """[{"insert":"实验"},{"insert":"很成功","attributes":{"bold":true}},{"insert":{"formula":"x^2"}},{"insert":"\n下次更好\n"}]""",
        };

        Assert.Equal("实验很成功\n下次更好", ForkReflections.TextOf(section));
        Assert.Equal("", ForkReflections.TextOf(new LessonSection { Format = SectionFormats.Rich, Content = LessonSection.EmptyRichContent }));
    }

    [Fact]
    public void The_original_keeps_the_newest_report_of_each_copy_and_a_resend_or_a_late_one_changes_nothing()
    {
        var original = Original("lp-a", "lp-b");

        var kept = ForkReflections.Keep(original, new ForkReflection("lp-a", "first", 3, At));
        Assert.Equal(("first", true, (DateTimeOffset?)At, 3L), (kept!.Reflection, kept.Reflected, kept.ReflectedAt, kept.ReflectionRevision));
        Assert.Null(ForkReflections.Keep(original, new ForkReflection("lp-a", "first", 3, At)));
        Assert.Null(ForkReflections.Keep(original, new ForkReflection("lp-a", "older", 2, At.AddMinutes(1))));
        Assert.Equal("first", original.Forks[0].Reflection);
        Assert.Null(original.Forks[1].Reflection);

        var emptied = ForkReflections.Keep(original, new ForkReflection("lp-a", "  ", 7, At.AddMinutes(2)));
        Assert.False(emptied!.Reflected);
        Assert.Null(ForkReflections.Keep(original, new ForkReflection("lp-unknown", "x", 9, At)));
        Assert.Equal(2, original.Forks.Count);
    }

    [Fact]
    public void A_reflection_longer_than_the_original_shows_is_cut_whole_characters_and_marked()
    {
        var copy = Copy(new string('a', ForkReflections.ShownLength - 1) + "🎯" + "tail");

        var due = ForkReflections.Due(copy, "lp-copy", At)!;

        Assert.Equal(new string('a', ForkReflections.ShownLength - 1) + "…", due.Text);
        ForkReflections.Confirmed(copy, due);
        Assert.Null(ForkReflections.Due(copy, "lp-copy", At));
    }
}
