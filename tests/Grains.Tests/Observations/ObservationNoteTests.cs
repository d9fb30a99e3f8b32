using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Groups;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Tests.Cluster;
using static Collab.Grains.Tests.Observations.ObservationScenario;

namespace Collab.Grains.Tests.Observations;

[Collection(ClusterCollection.Name)]
public sealed class ObservationNoteTests(ClusterFixture fixture)
{
    private DateTimeOffset Now => fixture.ObservationClock.GetUtcNow();

    [Fact]
    public async Task A_note_carries_its_offset_from_the_start_by_default_now_or_at_an_earlier_moment()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();
        var startedAt = Now;
        fixture.ObservationClock.Advance(TimeSpan.FromMilliseconds(754_400));

        var now = await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 1), "情境导入：用天平引出等式", null, NoteVisibility.Public);
        var earlier = await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 2), "开场提问", startedAt.AddSeconds(65), NoteVisibility.Public);
        var atStart = await grain.AddNoteAsync(scenario.ObserverB, new CommandId("b", 1), "准时上课", startedAt, NoteVisibility.Public);

        Assert.Equal(754, now.OffsetSeconds);
        Assert.Equal(startedAt.AddMilliseconds(754_400), now.At);
        Assert.Equal(65, earlier.OffsetSeconds);
        Assert.Equal(0, atStart.OffsetSeconds);
        var notes = Snapshot(await grain.JoinAsync(scenario.Leader)).GetProperty("notes");
        // In lesson order, not in the order they were written.
        Assert.Equal(["准时上课", "开场提问", "情境导入：用天平引出等式"], notes.EnumerateArray().Select(n => n.GetProperty("text").GetString()));
        Assert.Equal("李老师", notes[1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_note_time_outside_the_lesson_is_refused_and_one_slightly_ahead_is_taken_as_now()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();
        var startedAt = Now;
        fixture.ObservationClock.Advance(TimeSpan.FromMinutes(5));

        await Refused(ErrorCodes.InvalidArgument, () => grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 1), "课前", startedAt.AddSeconds(-1), NoteVisibility.Public));
        await Refused(ErrorCodes.InvalidArgument, () => grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 2), "未来", Now.AddSeconds(6), NoteVisibility.Public));
        var ahead = await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 3), "时钟稍快", Now.AddSeconds(4), NoteVisibility.Public);

        Assert.Equal(Now, ahead.At);
        Assert.Equal(300, ahead.OffsetSeconds);
    }

    [Fact]
    public async Task Private_notes_reach_only_their_author_in_join_and_sync()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();
        var seq = (await grain.JoinAsync(scenario.ObserverB)).Seq;

        await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 1), "私人：这里可以追问", null, NoteVisibility.Private);
        await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 2), "公开：板书清楚", null, NoteVisibility.Public);

        Assert.Equal(["私人：这里可以追问", "公开：板书清楚"], NotesSeenBy(await grain.JoinAsync(scenario.ObserverA)));
        Assert.Equal(["公开：板书清楚"], NotesSeenBy(await grain.JoinAsync(scenario.ObserverB)));
        Assert.Equal(["公开：板书清楚"], NotesSeenBy(await grain.JoinAsync(scenario.Teacher)));

        var seenByA = (await grain.SyncAsync(scenario.ObserverA, seq)).Events;
        var seenByB = (await grain.SyncAsync(scenario.ObserverB, seq)).Events;
        Assert.Equal(2, seenByA.Count);
        Assert.Equal(scenario.ObserverA.UserId, seenByA[0].Audience);
        Assert.Equal("private", Data(seenByA[0]).GetProperty("visibility").GetString());
        var onlyPublic = Assert.Single(seenByB);
        Assert.Equal("公开：板书清楚", Data(onlyPublic).GetProperty("text").GetString());
        Assert.Null(onlyPublic.Audience);
    }

    [Fact]
    public async Task Notes_are_taken_only_while_the_lesson_is_live_and_only_by_members()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.ScheduledAsync();

        await Refused(ErrorCodes.NotOpen, () => grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 1), "早到", null, NoteVisibility.Public));
        await grain.StartAsync(scenario.Leader);
        await Refused(ErrorCodes.NotMember, () => grain.AddNoteAsync(scenario.Outsider, new CommandId("o", 1), "旁听", null, NoteVisibility.Public));
        await grain.EndAsync(scenario.Leader);
        await Refused(ErrorCodes.Closed, () => grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 2), "课后补记", null, NoteVisibility.Public));

        Assert.Equal(0, Snapshot(await grain.JoinAsync(scenario.ObserverA)).GetProperty("notes").GetArrayLength());
    }

    [Fact]
    public async Task Notes_of_a_known_member_ask_the_group_nothing_and_a_removed_member_is_refused_at_once()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();
        await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 1), "导入自然", null, NoteVisibility.Public);

        var asked = fixture.Calls.Count(typeof(GroupGrain), nameof(IGroupGrain.GetMemberRoleAsync));
        var read = fixture.Calls.Count(typeof(GroupGrain), nameof(IGroupGrain.WatchMembersAsync));
        for (var i = 2; i <= 6; i++)
        {
            await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", i), $"第{i}条", null, NoteVisibility.Public);
        }
        Assert.Equal(asked, fixture.Calls.Count(typeof(GroupGrain), nameof(IGroupGrain.GetMemberRoleAsync)));
        Assert.Equal(read, fixture.Calls.Count(typeof(GroupGrain), nameof(IGroupGrain.WatchMembersAsync)));

        await scenario.Group.RemoveMemberAsync(scenario.Leader, scenario.ObserverA.UserId);

        await Refused(ErrorCodes.NotMember, () => grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 7), "移出后", null, NoteVisibility.Public));
        Assert.Equal(6, Snapshot(await grain.JoinAsync(scenario.Leader)).GetProperty("notes").GetArrayLength());
    }

    [Fact]
    public async Task Malformed_or_oversized_notes_are_refused_and_a_resent_note_is_not_added_twice()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();

        await Refused(ErrorCodes.TooLarge, () => grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 1), new string('记', 2001), null, NoteVisibility.Public));
        await Refused(ErrorCodes.InvalidArgument, () => grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 2), "  ", null, NoteVisibility.Public));
        await Refused(ErrorCodes.InvalidArgument, () => grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 3), "x", null, "secret"));
        await Refused(ErrorCodes.InvalidArgument, () => grain.AddNoteAsync(scenario.ObserverA, new CommandId("", 4), "x", null, NoteVisibility.Public));

        var first = await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 5), new string('记', 2000), null, NoteVisibility.Public);
        fixture.ObservationClock.Advance(TimeSpan.FromSeconds(30));
        var resent = await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 5), new string('记', 2000), null, NoteVisibility.Public);

        Assert.Equal(first, resent);
        Assert.Equal(1, Snapshot(await grain.JoinAsync(scenario.ObserverA)).GetProperty("notes").GetArrayLength());
    }

    [Fact]
    public async Task An_observer_gets_twenty_notes_a_minute_and_others_keep_their_own_budget()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();

        for (var i = 0; i < 20; i++)
        {
            await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", i), $"记录{i}", null, NoteVisibility.Private);
            fixture.ObservationClock.Advance(TimeSpan.FromSeconds(1));
        }
        await Refused(ErrorCodes.RateLimited, () => grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 20), "太多", null, NoteVisibility.Public));
        await grain.AddNoteAsync(scenario.ObserverB, new CommandId("b", 1), "我的第一条", null, NoteVisibility.Public);

        // Sixty seconds after the first note, it no longer counts against the minute.
        fixture.ObservationClock.Advance(TimeSpan.FromSeconds(40));
        await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 21), "又可以了", null, NoteVisibility.Public);
        await Refused(ErrorCodes.RateLimited, () => grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 22), "还是太多", null, NoteVisibility.Public));
    }

    private static List<string?> NotesSeenBy(Collab.Grains.Interfaces.Live.JoinResult joined) =>
        Snapshot(joined).GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString()).ToList();
}
