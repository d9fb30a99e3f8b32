using Collab.Grains.Exams;
using Collab.Grains.Exams.Analysis;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;

namespace Collab.Grains.Tests.Exams.Analysis;

public sealed class ResultGroupsTests
{
    private static readonly Dictionary<string, RosterPlacement> Placements = new()
    {
        ["s-1"] = new("S1", "第一中学", "东城区", "C1", "七年级一班"),
        ["s-2"] = new("S1", "第一中学", "东城区", "C2", "七年级二班"),
        ["s-3"] = new("S2", "乡村中学", "西山县", "C3", "七年级一班"),
        ["s-4"] = new("S2", "乡村中学", "西山县", "", ""),
        ["s-5"] = new("S3", "", "西山县", "C3", ""),
    };

    private static readonly Dictionary<string, ResultGrouping.Group> NoRooms = [];

    private static StudentResult Line(string id, string status, decimal score) => new(id, id, status, score, 20, 0, new Dictionary<string, decimal>());

    private static StudentResult Submitted(string id, decimal score) => Line(id, AttemptStatuses.Submitted, score);

    private static IReadOnlyList<ResultGroup> By(string dimension, params StudentResult[] students) =>
        ResultGroups.By(students, ResultGrouping.For(dimension, Placements, NoRooms));

    [Fact]
    public void By_school_counts_everyone_and_scores_only_the_submitted()
    {
        var groups = By(AnalysisDimensions.School,
            Submitted("s-1", 12), Line("s-2", AttemptStatuses.Absent, 0), Submitted("s-3", 18), Line("s-4", AttemptStatuses.Active, 3));

        Assert.Equal(
        [
            new ResultGroup("S1", "第一中学", 2, 1, 12, 12, 12, 12),
            new ResultGroup("S2", "乡村中学", 2, 1, 18, 18, 18, 18),
        ], groups);
    }

    [Fact]
    public void Mean_median_max_and_min_of_an_even_and_an_odd_group()
    {
        var even = By(AnalysisDimensions.County, Submitted("s-1", 10), Submitted("s-2", 15)).Single();
        Assert.Equal(new ResultGroup("东城区", "东城区", 2, 2, 12.5m, 12.5m, 15, 10), even);

        var odd = By(AnalysisDimensions.County, Submitted("s-3", 7), Submitted("s-4", 1), Submitted("s-5", 20)).Single();
        Assert.Equal(new ResultGroup("西山县", "西山县", 3, 3, 9.33m, 7, 20, 1), odd);
    }

    [Fact]
    public void A_group_where_nobody_submitted_has_no_score_figures()
    {
        var group = By(AnalysisDimensions.School, Line("s-1", AttemptStatuses.Absent, 0), Line("s-2", AttemptStatuses.Paused, 4)).Single();
        Assert.Equal(new ResultGroup("S1", "第一中学", 2, 0, null, null, null, null), group);
    }

    [Fact]
    public void By_class_groups_by_the_class_rostered_through_and_those_named_one_by_one_are_unplaced()
    {
        var groups = By(AnalysisDimensions.Class, Submitted("s-1", 1), Submitted("s-3", 2), Submitted("s-4", 3), Submitted("s-5", 5));

        Assert.Equal([("", "", 1), ("C1", "七年级一班", 1), ("C3", "七年级一班", 2)], groups.Select(g => (g.Key, g.Name, g.Count)));
        Assert.Equal(3.5m, groups[2].Mean);
    }

    [Fact]
    public void A_school_without_a_name_is_named_by_its_code_and_a_student_the_directory_did_not_hold_is_unplaced()
    {
        var groups = By(AnalysisDimensions.School, Submitted("s-5", 1), Submitted("s-unknown", 2));
        Assert.Equal([("", "", 1), ("S3", "S3", 1)], groups.Select(g => (g.Key, g.Name, g.Count)));
    }

    [Fact]
    public void By_room_uses_the_room_each_student_sits_in_and_without_rooms_everyone_is_in_one_group()
    {
        var rooms = new Dictionary<string, ResultGrouping.Group> { ["s-1"] = new("r-2", "二号考场"), ["s-2"] = new("r-1", "一号考场"), ["s-3"] = new("r-2", "二号考场") };
        var students = new[] { Submitted("s-1", 4), Submitted("s-2", 6), Submitted("s-3", 8) };

        var groups = ResultGroups.By(students, ResultGrouping.For(AnalysisDimensions.Room, Placements, rooms));
        Assert.Equal([("r-1", 1, 6m), ("r-2", 2, 6m)], groups.Select(g => (g.Key, g.Count, g.Mean!.Value)));

        Assert.Equal([("", 3)], By(AnalysisDimensions.Room, students).Select(g => (g.Key, g.Count)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("School")]
    [InlineData("grade")]
    public void An_unknown_dimension_is_refused(string? dimension)
    {
        var refusal = Assert.Throws<CollabException>(() => ResultGrouping.For(dimension, Placements, NoRooms));
        Assert.Equal(ErrorCodes.InvalidArgument, refusal.Code);
    }

    [Fact]
    public void Placements_put_school_county_and_class_on_the_line_and_leave_unplaced_lines_alone()
    {
        var placed = ResultPlacements.Apply(Submitted("s-1", 3), Placements);
        Assert.Equal(("S1", "东城区", "C1"), (placed.SchoolCode, placed.County, placed.ClassId));

        var named = ResultPlacements.Apply(Submitted("s-4", 3), Placements);
        Assert.Equal(("S2", "西山县", null), (named.SchoolCode, named.County, named.ClassId));

        var unknown = Submitted("s-x", 3);
        Assert.Same(unknown, ResultPlacements.Apply(unknown, Placements));
    }

    [Fact]
    public void Seeded_random_results_keep_the_group_invariants_in_every_dimension()
    {
        var random = new Random(2027);
        string[] statuses = [AttemptStatuses.Submitted, AttemptStatuses.Submitted, AttemptStatuses.Absent, AttemptStatuses.Active];
        for (var round = 0; round < 500; round++)
        {
            var placements = new Dictionary<string, RosterPlacement>();
            var rooms = new Dictionary<string, ResultGrouping.Group>();
            var students = new List<StudentResult>();
            var size = random.Next(0, 60);
            for (var i = 0; i < size; i++)
            {
                var id = $"s-{i}";
                if (random.Next(5) > 0)
                {
                    var school = random.Next(4);
                    placements[id] = new($"S{school}", $"学校{school}", $"县{school % 2}", random.Next(3) == 0 ? "" : $"C{random.Next(6)}", "班");
                }
                if (random.Next(4) > 0)
                {
                    rooms[id] = new($"r-{random.Next(3)}", "考场");
                }
                students.Add(Line(id, statuses[random.Next(statuses.Length)], random.Next(0, 2001) / 100m));
            }
            foreach (var dimension in AnalysisDimensions.All)
            {
                var groups = ResultGroups.By(students, ResultGrouping.For(dimension, placements, rooms));
                Assert.Equal(students.Count, groups.Sum(g => g.Count));
                Assert.Equal(students.Count(s => s.Status == AttemptStatuses.Submitted), groups.Sum(g => g.Submitted));
                Assert.Equal(groups.Count, groups.Select(g => g.Key).Distinct().Count());
                Assert.Equal(groups.Select(g => g.Key).Order(StringComparer.Ordinal), groups.Select(g => g.Key));
                foreach (var group in groups)
                {
                    Assert.InRange(group.Submitted, 0, group.Count);
                    Assert.Equal(group.Submitted == 0, group.Mean is null);
                    if (group.Submitted > 0)
                    {
                        Assert.InRange(group.Mean!.Value, group.Min!.Value, group.Max!.Value);
                        Assert.InRange(group.Median!.Value, group.Min!.Value, group.Max!.Value);
                    }
                }
            }
        }
    }
}
