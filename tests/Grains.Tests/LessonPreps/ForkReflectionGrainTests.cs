using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.LessonPreps;
using Collab.Grains.Tests.Cluster;
using static Collab.Grains.Tests.LessonPreps.PlanScenario;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>Personal copies listed for their owner, and their reflections kept on the original, through failures and restarts.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ForkReflectionGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly Caller Leader = new("fr-leader", "王老师", Roles.Teacher, "school-a", "county-a");
    private static readonly Caller Colleague = new("fr-colleague", "李老师", Roles.Teacher, "school-b", "county-b");

    private sealed record Forked(ILessonPrepGrain Original, ILessonPrepGrain Copy, string CopyId, Caller Owner);

    /// <summary>A finalized text plan of a new group and a personal copy of it by a new teacher of that group.</summary>
    private async Task<Forked> ForkedAsync(string format = SectionFormats.Text)
    {
        var owner = Colleague with { UserId = $"fr-{Guid.NewGuid():N}" };
        var groupId = await NewGroupAsync(fixture.Grains, Leader, owner);
        var original = fixture.Grains.GetGrain<ILessonPrepGrain>($"lp-{Guid.NewGuid():N}");
        await original.CreateAsync(Leader, groupId, new CreateLessonPrep("比喻句", "chinese", "4", null, format));
        await original.SetPhaseAsync(Leader, LessonPrepPhases.Finalized);
        var copyId = $"lp-{Guid.NewGuid():N}";
        await original.ForkAsync(owner, copyId);
        return new Forked(original, fixture.Grains.GetGrain<ILessonPrepGrain>(copyId), copyId, owner);
    }

    private static async Task<ForkRecord> ForkOnOriginAsync(Forked forked, Func<ForkRecord, bool> done)
    {
        using var cancel = new CancellationTokenSource(Patience);
        while (true)
        {
            var fork = (await forked.Original.GetAsync(Leader)).Forks!.Single(f => f.ForkId == forked.CopyId);
            if (done(fork))
            {
                return fork;
            }
            // Polls the original's view until the copy's report lands: the report runs on the copy's own timer.
            await Task.Delay(20, cancel.Token);
        }
    }

    private async Task<IReadOnlyList<string>> ListedEventuallyAsync(Caller owner, string copyId)
    {
        using var cancel = new CancellationTokenSource(Patience);
        var list = fixture.Grains.GetGrain<IUserLessonCopiesGrain>(owner.UserId);
        while (true)
        {
            var ids = await list.ListAsync();
            if (ids.Contains(copyId))
            {
                return ids;
            }
            await Task.Delay(20, cancel.Token);
        }
    }

    [Fact]
    public async Task A_copy_is_listed_for_its_owner_alone_with_its_origin()
    {
        var forked = await ForkedAsync();
        var second = await forked.Original.ForkAsync(forked.Owner, $"lp-{Guid.NewGuid():N}");

        var ids = await fixture.Grains.GetGrain<IUserLessonCopiesGrain>(forked.Owner.UserId).ListAsync();

        Assert.Equal([second.Id, forked.CopyId], ids);
        var summary = await forked.Copy.CopySummaryAsync(forked.Owner);
        Assert.Equal((forked.CopyId, "比喻句", forked.Original.GetPrimaryKeyString(), "比喻句", LessonPrepPhases.Drafting),
            (summary.Id, summary.Title, summary.OriginId, summary.OriginTitle, summary.Phase));
        Assert.True(summary.ChangedAt >= summary.CreatedAt);
        Assert.Equal(ErrorCodes.Forbidden, (await Assert.ThrowsAsync<CollabException>(() => forked.Copy.CopySummaryAsync(Leader))).Code);
        Assert.Equal(ErrorCodes.NotFound, (await Assert.ThrowsAsync<CollabException>(() => forked.Original.CopySummaryAsync(Leader))).Code);
    }

    [Fact]
    public async Task The_original_shows_the_latest_reflection_of_each_copy_with_its_author_and_time()
    {
        var forked = await ForkedAsync();
        await forked.Copy.SubmitOpAsync(forked.Owner, new CommandId("c", 1), "reflection", 0, Ops("学生对比喻句"));
        await forked.Copy.SubmitOpAsync(forked.Owner, new CommandId("c", 2), "reflection", 1, Ops(6, "掌握较好"));

        var shown = await ForkOnOriginAsync(forked, f => f.Reflection == "学生对比喻句掌握较好");

        Assert.Equal((forked.Owner.UserId, forked.Owner.Name, true, 2L), (shown.UserId, shown.Name, shown.Reflected, shown.ReflectionRevision));
        Assert.NotNull(shown.ReflectedAt);
        var events = (await forked.Original.SyncAsync(Leader, 0)).Events.Where(e => e.Type == "fork.reflected").ToList();
        Assert.Contains("掌握较好", events[^1].DataJson);

        await forked.Copy.SubmitOpAsync(forked.Owner, new CommandId("c", 3), "reflection", 2, Ops(-10));
        await ForkOnOriginAsync(forked, f => f is { Reflection: "", Reflected: false });
    }

    [Fact]
    public async Task A_rich_copys_reflection_reaches_the_original_as_its_plain_text()
    {
        var forked = await ForkedAsync(SectionFormats.Rich);
        await forked.Copy.SubmitOpAsync(forked.Owner, new CommandId("c", 1), "reflection", 0,
            """[{"insert":"实验"},{"insert":"很成功","attributes":{"bold":true}}]""");

        await ForkOnOriginAsync(forked, f => f.Reflection == "实验很成功");
    }

    [Fact]
    public async Task A_report_whose_answer_was_lost_is_sent_again_and_kept_once()
    {
        var forked = await ForkedAsync();
        var reports = fixture.Calls.Count(typeof(LessonPrepGrain), nameof(LessonPrepGrain.ForkReflectionAsync));
        var lost = fixture.Faults.Arm<ILessonPrepGrain>(nameof(ILessonPrepGrain.ForkReflectionAsync), afterCall: true);

        await forked.Copy.SubmitOpAsync(forked.Owner, new CommandId("c", 1), "reflection", 0, Ops("板书太满"));
        await lost;
        var seqAfterFirst = (await forked.Original.GetAsync(Leader)).Forks!.Single().ReflectionRevision;
        await fixture.Calls.WaitForAsync(typeof(LessonPrepGrain), nameof(LessonPrepGrain.ForkReflectionAsync), reports + 2, Patience);

        Assert.Equal(1L, seqAfterFirst);
        var events = (await forked.Original.SyncAsync(Leader, 0)).Events.Count(e => e.Type == "fork.reflected");
        Assert.Equal(1, events);
        Assert.Equal("板书太满", (await ForkOnOriginAsync(forked, _ => true)).Reflection);
    }

    [Fact]
    public async Task A_copy_that_could_not_report_before_a_restart_reports_from_its_reminder_and_the_original_keeps_it()
    {
        var forked = await ForkedAsync();
        var failing = fixture.Faults.Arm<ILessonPrepGrain>(nameof(ILessonPrepGrain.ForkReflectionAsync), afterCall: false, times: null);
        await forked.Copy.SubmitOpAsync(forked.Owner, new CommandId("c", 1), "reflection", 0, Ops("小组合作时间不够"));
        await failing;

        // The copy's timer goes with its activation: only its reminder can send the reflection now.
        await fixture.DeactivateAllAsync();
        fixture.Faults.Disarm();
        await ForkOnOriginAsync(forked, f => f.Reflection == "小组合作时间不够");

        await fixture.DeactivateAllAsync();
        Assert.Equal("小组合作时间不够", (await ForkOnOriginAsync(forked, _ => true)).Reflection);
    }

    [Fact]
    public async Task A_copy_whose_listing_failed_is_listed_by_its_reminder_after_a_restart()
    {
        var owner = Colleague with { UserId = $"fr-{Guid.NewGuid():N}" };
        var groupId = await NewGroupAsync(fixture.Grains, Leader, owner);
        var original = fixture.Grains.GetGrain<ILessonPrepGrain>($"lp-{Guid.NewGuid():N}");
        await original.CreateAsync(Leader, groupId, new CreateLessonPrep("比喻句", "chinese", "4", null, SectionFormats.Text));
        await original.SetPhaseAsync(Leader, LessonPrepPhases.Finalized);
        var lost = fixture.Faults.Arm<IUserLessonCopiesGrain>(nameof(IUserLessonCopiesGrain.AddAsync), afterCall: false, times: null);
        var copyId = $"lp-{Guid.NewGuid():N}";

        await original.ForkAsync(owner, copyId);
        await lost;
        Assert.Empty(await fixture.Grains.GetGrain<IUserLessonCopiesGrain>(owner.UserId).ListAsync());
        await fixture.DeactivateAllAsync();
        fixture.Faults.Disarm();

        Assert.Equal([copyId], await ListedEventuallyAsync(owner, copyId));
    }

    [Fact]
    public async Task After_its_owner_leaves_the_group_a_copy_no_longer_changes_the_original_but_what_it_shared_stays()
    {
        var forked = await ForkedAsync();
        await forked.Copy.SubmitOpAsync(forked.Owner, new CommandId("c", 1), "reflection", 0, Ops("shared"));
        await ForkOnOriginAsync(forked, f => f.Reflection == "shared");
        var groupId = (await forked.Original.GetAsync(Leader)).GroupId;
        await fixture.Grains.GetGrain<IGroupGrain>(groupId).RemoveMemberAsync(Leader, forked.Owner.UserId);
        var reports = fixture.Calls.Count(typeof(LessonPrepGrain), nameof(LessonPrepGrain.ForkReflectionAsync));

        await forked.Copy.SubmitOpAsync(forked.Owner, new CommandId("c", 2), "reflection", 1, Ops(6, " later"));
        await fixture.Calls.WaitForAsync(typeof(LessonPrepGrain), nameof(LessonPrepGrain.ForkReflectionAsync), reports + 1, Patience);

        Assert.Equal("shared", (await ForkOnOriginAsync(forked, _ => true)).Reflection);
        Assert.Equal("shared later", (await forked.Copy.GetAsync(forked.Owner)).Sections.Single(s => s.Key == "reflection").Text);
    }
}
