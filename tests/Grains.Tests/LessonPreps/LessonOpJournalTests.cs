using Collab.Grains.Interfaces.Live;
using Collab.Grains.LessonPreps;
using Collab.Grains.Live;
using Collab.Grains.Tests.Cluster;
using Microsoft.Extensions.Logging.Abstractions;
using static Collab.Grains.Tests.LessonPreps.PlanScenario;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>A plan's op log as its grain uses it: appended per write, snapshotted and pruned on cadence, put back at activation.</summary>
public sealed class LessonOpJournalTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
    private static readonly CommandLogLimits Limits = new(10, 10, 10);
    private static readonly LessonPrepOptions Options = new() { SnapshotEveryOps = 3, RecentOps = 4, PruneRowsPerSnapshot = 100 };
    private const string Stream = "lessonprep/lp-1";

    private static LessonPrepState NewPlan() => new() { GroupId = "g1", Sections = [new LessonSection { Key = "objectives" }] };

    /// <summary>Accepts <paramref name="count"/> typed characters as single-op writes and appends each, as the grain does.</summary>
    private static async Task TypeAsync(LessonOpJournal journal, LessonPrepState plan, LessonPlanDocument document, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var write = new LessonOpWrite("lp-1", document, plan, Limits);
            var position = (int)plan.Revision;
            var (applied, _) = write.Accept(new CommandKey("u1", "typist", plan.Revision), "objectives", plan.Revision,
                PlainSectionChange.Submitted(position == 0 ? Ops("字") : Ops(position, "字")), At);
            var envelope = plan.Log.Append(Stream, "op.applied", At, LiveJson.Serialize(applied), null, 50);
            await journal.AppendAsync(write, [envelope]);
        }
    }

    [Fact]
    public async Task A_snapshot_is_due_every_so_many_ops_and_not_before()
    {
        var log = new InMemoryLessonOpLog();
        var journal = new LessonOpJournal(log, "lp-1", Options, NullLogger.Instance);
        var plan = NewPlan();
        var document = new LessonPlanDocument(plan, Options.RecentOps);

        await TypeAsync(journal, plan, document, 2);
        Assert.False(journal.SnapshotDue);
        await TypeAsync(journal, plan, document, 1);
        Assert.True(journal.SnapshotDue);
        Assert.Equal(3, log.Count("lp-1"));
    }

    [Fact]
    public async Task A_snapshot_resets_the_count_and_prunes_rows_behind_the_window()
    {
        var log = new InMemoryLessonOpLog();
        var journal = new LessonOpJournal(log, "lp-1", Options, NullLogger.Instance);
        var plan = NewPlan();
        var document = new LessonPlanDocument(plan, Options.RecentOps);
        await TypeAsync(journal, plan, document, 6);
        var snapshots = 0;

        Assert.True(await journal.SnapshotWhenDueAsync(() => { snapshots++; journal.Snapshotted(); return Task.CompletedTask; }, plan.Revision));

        Assert.Equal(1, snapshots);
        Assert.False(journal.SnapshotDue);
        // Revision 6 minus a window of 4: rows through revision 2 go.
        Assert.Equal(3, log.OldestRevision("lp-1"));
        Assert.True(await journal.SnapshotWhenDueAsync(() => { snapshots++; return Task.CompletedTask; }, plan.Revision));
        Assert.Equal(1, snapshots);
    }

    [Fact]
    public async Task A_failed_snapshot_prunes_nothing_and_says_so()
    {
        var log = new InMemoryLessonOpLog();
        var journal = new LessonOpJournal(log, "lp-1", Options, NullLogger.Instance);
        var plan = NewPlan();
        await TypeAsync(journal, plan, new LessonPlanDocument(plan, Options.RecentOps), 6);

        Assert.False(await journal.SnapshotWhenDueAsync(() => throw new InvalidOperationException("disk"), plan.Revision));

        Assert.Equal(6, log.Count("lp-1"));
        Assert.True(journal.SnapshotDue);
    }

    [Fact]
    public async Task An_empty_write_appends_nothing()
    {
        var log = new InMemoryLessonOpLog();
        var journal = new LessonOpJournal(log, "lp-1", Options, NullLogger.Instance);
        var plan = NewPlan();

        await journal.AppendAsync(new LessonOpWrite("lp-1", new LessonPlanDocument(plan, 4), plan, Limits), []);

        Assert.Equal(0, log.Count("lp-1"));
        Assert.Empty(log.WriteSizes("lp-1"));
    }

    [Fact]
    public async Task Activation_replays_the_rows_after_the_snapshot_with_their_events_and_command_results()
    {
        var log = new InMemoryLessonOpLog();
        var plan = NewPlan();
        var journal = new LessonOpJournal(log, "lp-1", Options, NullLogger.Instance);
        var document = new LessonPlanDocument(plan, Options.RecentOps);
        await TypeAsync(journal, plan, document, 2);
        // The snapshot as written after two ops, without its op.applied events (they are rows).
        var snapshot = new LessonPrepState
        {
            GroupId = "g1", Revision = plan.Revision, Sections = [new LessonSection { Key = "objectives", Text = plan.Sections[0].Text }],
            Log = new StreamLog { Seq = plan.Log.Seq },
        };
        await TypeAsync(journal, plan, document, 2);

        var restored = new LessonPrepState
        {
            GroupId = snapshot.GroupId, Revision = snapshot.Revision, Sections = snapshot.Sections, Log = snapshot.Log,
        };
        var again = new LessonOpJournal(log, "lp-1", Options, NullLogger.Instance);
        var restoredDocument = new LessonPlanDocument(restored, Options.RecentOps);
        await again.RestoreAsync(restored, restoredDocument, Stream, 50, Limits);

        Assert.Equal(("字字字字", 4L, 4L), (restored.Sections[0].Text, restored.Revision, restored.Log.Seq));
        Assert.Equal([1L, 2L, 3L, 4L], restored.Log.Events.Select(e => e.Seq));
        Assert.Equal("""{"revision":4}""", restored.Commands.Find(new CommandKey("u1", "typist", 3)));
        // The window is back: an op made on revision 1 is still transformed, not stale.
        var late = new LessonOpWrite("lp-1", restoredDocument, restored, Limits);
        Assert.Equal(5, late.Accept(new CommandKey("u2", "late", 1), "objectives", 1, PlainSectionChange.Submitted(Ops("早", 1)), At).Accepted.Revision);
    }

    [Fact]
    public async Task A_gap_in_the_op_log_is_refused_rather_than_replayed_over()
    {
        var log = new InMemoryLessonOpLog();
        // The snapshot is at seq 0, but the log's first row after it has seq 2: the row of seq 1 is missing.
        await log.AppendAsync([new LessonOpRow("lp-1", 2, 1, "objectives", Ops("字"), "u1", "typist", 1, """{"revision":1}""", "{}", At)]);
        var plan = NewPlan();
        var journal = new LessonOpJournal(log, "lp-1", Options, NullLogger.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => journal.RestoreAsync(plan, new LessonPlanDocument(plan, 4), Stream, 50, Limits));
    }
}
