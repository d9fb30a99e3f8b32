using Collab.Grains.LessonPreps;
using Collab.Ot;

namespace Collab.Grains.Tests.LessonPreps;

public sealed class RecentOpsTests
{
    private static SectionChange Insert(int revision) => new PlainSectionChange(TextOperation.Create([OpComponent.Insert($"r{revision}")]));

    [Fact]
    public void An_empty_window_has_no_oldest_revision_and_no_ops()
    {
        var window = new RecentOps(3);
        Assert.Null(window.OldestRevision);
        Assert.Empty(window.After(0, "a"));
    }

    [Fact]
    public void A_full_window_drops_its_oldest_op_first()
    {
        var window = new RecentOps(3);
        for (var revision = 1; revision <= 5; revision++)
        {
            window.Add(revision, "a", Insert(revision));
        }
        Assert.Equal(3, window.Count);
        Assert.Equal(3, window.OldestRevision);
        Assert.Equal([Insert(4), Insert(5)], window.After(3, "a"));
        Assert.Equal([Insert(3), Insert(4), Insert(5)], window.After(0, "a"));
        Assert.Empty(window.After(5, "a"));
    }

    [Fact]
    public void Only_the_named_sections_ops_are_returned()
    {
        var window = new RecentOps(10);
        window.Add(1, "a", Insert(1));
        window.Add(2, "b", Insert(2));
        window.Add(3, "a", Insert(3));
        Assert.Equal([Insert(1), Insert(3)], window.After(0, "a"));
        Assert.Equal([Insert(2)], window.After(1, "b"));
        Assert.Empty(window.After(2, "b"));
    }

    [Fact]
    public void An_op_after_a_gap_starts_the_window_afresh()
    {
        var window = new RecentOps(10);
        window.Add(1, "a", Insert(1));
        window.Add(2, "a", Insert(2));
        window.Add(7, "a", Insert(7));
        Assert.Equal(7, window.OldestRevision);
        Assert.Equal(1, window.Count);
        Assert.Equal([Insert(7)], window.After(0, "a"));
    }

    [Fact]
    public void A_window_of_no_capacity_keeps_nothing()
    {
        var window = new RecentOps(0);
        window.Add(1, "a", Insert(1));
        Assert.Equal(0, window.Count);
        Assert.Null(window.OldestRevision);
    }

    [Fact]
    public void Seeded_random_windows_answer_as_a_scan_of_every_op_kept()
    {
        var random = new Random(20261203);
        for (var round = 0; round < 200; round++)
        {
            var capacity = random.Next(1, 30);
            var window = new RecentOps(capacity);
            var kept = new List<(long Revision, string Section, SectionChange Operation)>();
            var first = random.Next(1, 100);
            for (long revision = first; revision < first + random.Next(0, 80); revision++)
            {
                var section = random.Next(3) == 0 ? "b" : "a";
                window.Add(revision, section, Insert((int)revision));
                kept.Add((revision, section, Insert((int)revision)));
                if (kept.Count > capacity)
                {
                    kept.RemoveAt(0);
                }
            }
            var after = random.Next(first - 2, first + 90);
            Assert.Equal(kept.Where(op => op.Revision > after && op.Section == "a").Select(op => op.Operation), window.After(after, "a"));
            Assert.Equal(kept.Count == 0 ? null : kept[0].Revision, window.OldestRevision);
        }
    }
}
