using System.Text.Json;
using Collab.Api.Tests.Infrastructure;
using static Collab.Api.Tests.Observations.ObservationSetup;

namespace Collab.Api.Tests.Observations;

[Collection(ApiCollection.Name)]
public sealed class ObservationHubTests(SharedApiHost shared)
{
    private static IEnumerable<string?> Texts(JsonElement notes) => notes.EnumerateArray().Select(n => n.GetProperty("text").GetString());

    [Fact]
    public async Task Join_start_notes_rating_end_and_finalize_flow_through_signalr()
    {
        var setup = await NewAsync(shared.Host, "西城区");
        var id = await setup.ScheduleAsync();
        await using var teacher = await setup.Teacher.ConnectAsync(Hub);
        await using var observer = await setup.Observers[0].ConnectAsync(Hub);

        var joined = await observer.InvokeAsync("Join", id);
        var snapshot = joined.GetProperty("snapshot");
        Assert.Equal("《一元一次方程》公开课", snapshot.GetProperty("title").GetString());
        Assert.Equal(setup.Teacher.UserId, snapshot.GetProperty("teacherId").GetString());
        Assert.Equal("scheduled", snapshot.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("startedAt").ValueKind);
        Assert.Equal(DefaultKeys, snapshot.GetProperty("rubric").GetProperty("dimensions").EnumerateArray().Select(d => d.GetProperty("key").GetString()));
        Assert.Equal(100, snapshot.GetProperty("rubric").GetProperty("dimensions").EnumerateArray().Sum(d => d.GetProperty("weight").GetInt32()));
        Assert.Empty(snapshot.GetProperty("notes").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("myRating").ValueKind);
        Assert.Equal(0, snapshot.GetProperty("aggregate").GetProperty("count").GetInt32());
        await teacher.InvokeAsync("Join", id);

        var rubric = new { dimensions = new object[] { new { key = "design", name = "教学设计", weight = 60, descriptors = new[] { "目标清晰" } }, new { key = "delivery", name = "课堂实施", weight = 40 } } };
        var changed = await teacher.InvokeAsync("SetRubric", id, rubric);
        Assert.Equal(2, changed.GetProperty("rubric").GetProperty("dimensions").GetArrayLength());
        await observer.WaitForTypeAsync("rubric.changed");

        var started = await teacher.InvokeAsync("Start", id);
        Assert.Equal("live", started.GetProperty("status").GetString());
        var startedEvent = await observer.WaitForTypeAsync("lesson.started");
        Assert.Equal(started.GetProperty("startedAt").GetString(), startedEvent.GetProperty("data").GetProperty("startedAt").GetString());

        var note = await observer.InvokeAsync("AddNote", id, Note("tab", 1, "导入：天平情境"));
        Assert.Equal("n1", note.GetProperty("noteId").GetString());
        Assert.InRange(note.GetProperty("offsetSeconds").GetInt32(), 0, 60);
        var added = await teacher.WaitForTypeAsync("note.added");
        Assert.Equal("导入：天平情境", added.GetProperty("data").GetProperty("text").GetString());
        Assert.Equal(setup.Observers[0].UserId, added.GetProperty("data").GetProperty("userId").GetString());

        var rated = await observer.InvokeAsync("Rate", id, Rating("tab", 2, new Dictionary<string, int> { ["design"] = 5, ["delivery"] = 4 }, "设计巧妙"));
        Assert.Equal(92, rated.GetProperty("weightedTotal").GetDouble());
        Assert.False(rated.GetProperty("replaced").GetBoolean());
        var updated = await teacher.WaitForTypeAsync("ratings.updated");
        Assert.Equal(1, updated.GetProperty("data").GetProperty("count").GetInt32());
        Assert.Equal(92, updated.GetProperty("data").GetProperty("weightedTotal").GetDouble());
        Assert.Equal(5, updated.GetProperty("data").GetProperty("mean").GetProperty("design").GetDouble());

        var ended = await teacher.InvokeAsync("End", id);
        Assert.Equal("ended", ended.GetProperty("status").GetString());
        await observer.WaitForTypeAsync("lesson.ended");

        var report = await teacher.InvokeAsync("FinalizeReport", id);
        Assert.True(report.GetProperty("final").GetBoolean());
        var ready = await observer.WaitForTypeAsync("report.ready");
        Assert.Equal(92, ready.GetProperty("data").GetProperty("weightedTotal").GetDouble());

        // Every durable event arrived once and in order; Sync from 0 gives the same list.
        var seqs = observer.Events.Where(e => e.GetProperty("seq").GetInt64() > 0).Select(e => e.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range((int)seqs[0], seqs.Count).Select(s => (long)s), seqs);
        var synced = await observer.InvokeAsync("Sync", id, 0L);
        Assert.Equal(["rubric.changed", "lesson.started", "note.added", "ratings.updated", "lesson.ended", "report.ready"],
            synced.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()));

        var rejoined = (await observer.InvokeAsync("Join", id)).GetProperty("snapshot");
        Assert.Equal("finalized", rejoined.GetProperty("status").GetString());
        Assert.Equal(5, rejoined.GetProperty("myRating").GetProperty("scores").GetProperty("design").GetInt32());
        Assert.Equal("设计巧妙", rejoined.GetProperty("myRating").GetProperty("comment").GetString());
        await observer.InvokeAsync("Leave", id);
    }

    [Fact]
    public async Task An_outsider_is_refused_every_method_as_not_a_member()
    {
        var setup = await NewAsync(shared.Host, "西城区");
        var id = await setup.ScheduleAsync();
        var outsider = setup.Scenario.Teacher("北湖区");
        await using var client = await outsider.ConnectAsync(Hub);

        await HubErrors.AssertRefusedAsync("not_member", () => client.InvokeAsync("Join", id));
        await HubErrors.AssertRefusedAsync("not_member", () => client.InvokeAsync("Sync", id, 0L));
        await HubErrors.AssertRefusedAsync("not_member", () => client.InvokeAsync("Start", id));
        await HubErrors.AssertRefusedAsync("not_member", () => client.InvokeAsync("AddNote", id, Note("o", 1, "旁听")));
        await HubErrors.AssertRefusedAsync("not_member", () => client.InvokeAsync("Rate", id, Rating("o", 2, Uniform(5))));
        await HubErrors.AssertRefusedAsync("not_member", () => client.InvokeAsync("End", id));
        await HubErrors.AssertRefusedAsync("not_member", () => client.InvokeAsync("FinalizeReport", id));
        await HubErrors.AssertRefusedAsync("not_found", () => client.InvokeAsync("Join", "ob-does-not-exist"));
    }

    [Fact]
    public async Task A_private_note_reaches_only_its_author_live_in_sync_and_in_join()
    {
        var setup = await NewAsync(shared.Host, "西城区", "南山县");
        var id = await setup.ScheduleAsync();
        await using var author = await setup.Observers[0].ConnectAsync(Hub);
        await using var other = await setup.Observers[1].ConnectAsync(Hub);
        await using var teacher = await setup.Teacher.ConnectAsync(Hub);
        await teacher.InvokeAsync("Join", id);
        await author.InvokeAsync("Join", id);
        var seq = (await other.InvokeAsync("Join", id)).GetProperty("seq").GetInt64();
        await teacher.InvokeAsync("Start", id);

        await author.InvokeAsync("AddNote", id, Note("a", 1, "私：学生回答被打断", "private"));
        await author.InvokeAsync("AddNote", id, Note("a", 2, "公：小组活动有序"));

        var own = await author.WaitForCountAsync("note.added", 2);
        Assert.Equal(["private", "public"], own.Select(e => e.GetProperty("data").GetProperty("visibility").GetString()));
        // The public note came after the private one: once it is here, the private one would have been too.
        await other.WaitForTypeAsync("note.added", d => d.GetProperty("text").GetString() == "公：小组活动有序");
        await teacher.WaitForTypeAsync("note.added", d => d.GetProperty("text").GetString() == "公：小组活动有序");
        Assert.Single(other.EventsOfType("note.added"));
        Assert.Single(teacher.EventsOfType("note.added"));

        var synced = (await other.InvokeAsync("Sync", id, seq)).GetProperty("events").EnumerateArray().ToList();
        Assert.DoesNotContain(synced, e => e.GetRawText().Contains("学生回答被打断"));
        Assert.Equal(["公：小组活动有序"], Texts((await other.InvokeAsync("Join", id)).GetProperty("snapshot").GetProperty("notes")));
        Assert.Equal(["私：学生回答被打断", "公：小组活动有序"], Texts((await author.InvokeAsync("Join", id)).GetProperty("snapshot").GetProperty("notes")));
        var authorSync = (await author.InvokeAsync("Sync", id, seq)).GetProperty("events").EnumerateArray();
        Assert.Contains(authorSync, e => e.GetRawText().Contains("学生回答被打断"));
    }

    [Fact]
    public async Task Bad_scores_and_notes_are_refused_with_their_codes()
    {
        var setup = await NewAsync(shared.Host, "西城区");
        var id = await setup.ScheduleAsync();
        await using var teacher = await setup.Teacher.ConnectAsync(Hub);
        await using var observer = await setup.Observers[0].ConnectAsync(Hub);
        await observer.InvokeAsync("Join", id);

        await HubErrors.AssertRefusedAsync("not_open", () => observer.InvokeAsync("Rate", id, Rating("o", 1, Uniform(4))));
        await HubErrors.AssertRefusedAsync("not_open", () => observer.InvokeAsync("AddNote", id, Note("o", 2, "还没开始")));
        await teacher.InvokeAsync("Start", id);

        await HubErrors.AssertRefusedAsync("invalid_argument", () => observer.InvokeAsync("Rate", id, Rating("o", 3, Uniform(6))));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => observer.InvokeAsync("Rate", id, Rating("o", 4, Uniform(0))));
        var unknown = Uniform(4);
        unknown["charisma"] = 5;
        var message = await HubErrors.AssertRefusedAsync("invalid_argument", () => observer.InvokeAsync("Rate", id, Rating("o", 5, unknown)));
        Assert.Contains("charisma", message);
        await HubErrors.AssertRefusedAsync("invalid_argument", () => observer.InvokeAsync("Rate", id,
            new { clientId = "o", clientSeq = 6, scores = new Dictionary<string, double> { ["objectives"] = 4.5 } }));
        await HubErrors.AssertRefusedAsync("forbidden", () => teacher.InvokeAsync("Rate", id, Rating("t", 1, Uniform(5))));
        await HubErrors.AssertRefusedAsync("too_large", () => observer.InvokeAsync("AddNote", id, Note("o", 7, new string('记', 2001))));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => observer.InvokeAsync("AddNote", id, Note("o", 8, "x", "friends-only")));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => observer.InvokeAsync("AddNote", id, Note("o", 9, "昨天", at: DateTimeOffset.UtcNow.AddDays(-1))));
        await HubErrors.AssertRefusedAsync("forbidden", () => observer.InvokeAsync("Start", id));
        await HubErrors.AssertRefusedAsync("forbidden", () => observer.InvokeAsync("End", id));
        await HubErrors.AssertRefusedAsync("conflict", () => teacher.InvokeAsync("SetRubric", id, new { dimensions = new object[] { new { key = "a", name = "A", weight = 50 }, new { key = "b", name = "B", weight = 50 } } }));
        await HubErrors.AssertRefusedAsync("conflict", () => teacher.InvokeAsync("FinalizeReport", id));

        var snapshot = (await observer.InvokeAsync("Join", id)).GetProperty("snapshot");
        Assert.Equal(0, snapshot.GetProperty("aggregate").GetProperty("count").GetInt32());
        Assert.Empty(snapshot.GetProperty("notes").EnumerateArray());

        await observer.InvokeAsync("Rate", id, Rating("o", 10, Uniform(3)));
        await teacher.InvokeAsync("End", id);
        await HubErrors.AssertRefusedAsync("closed", () => observer.InvokeAsync("AddNote", id, Note("o", 11, "课后")));
        await observer.InvokeAsync("Rate", id, Rating("o", 12, Uniform(4)));
        await teacher.InvokeAsync("FinalizeReport", id);
        await HubErrors.AssertRefusedAsync("closed", () => observer.InvokeAsync("Rate", id, Rating("o", 13, Uniform(5))));
        Assert.Equal(80, (await GetReportAsync(setup.Teacher, id)).GetProperty("weightedTotal").GetDouble());
    }

    [Fact]
    public async Task Notes_beyond_twenty_a_minute_are_rate_limited_and_a_resend_is_answered_not_repeated()
    {
        var setup = await NewAsync(shared.Host, "西城区");
        var id = await setup.ScheduleAsync();
        await using var teacher = await setup.Teacher.ConnectAsync(Hub);
        await using var observer = await setup.Observers[0].ConnectAsync(Hub);
        await teacher.InvokeAsync("Start", id);

        var first = await observer.InvokeAsync("AddNote", id, Note("o", 1, "第一条"));
        var resent = await observer.InvokeAsync("AddNote", id, Note("o", 1, "第一条"));
        Assert.Equal(first.GetRawText(), resent.GetRawText());
        for (var i = 2; i <= 20; i++)
        {
            await observer.InvokeAsync("AddNote", id, Note("o", i, $"记录 {i}", "private"));
        }
        await HubErrors.AssertRefusedAsync("rate_limited", () => observer.InvokeAsync("AddNote", id, Note("o", 21, "第二十一条")));

        var notes = (await observer.InvokeAsync("Join", id)).GetProperty("snapshot").GetProperty("notes");
        Assert.Equal(20, notes.GetArrayLength());
    }

    [Fact]
    public async Task Ratings_updated_comes_at_most_once_a_second_and_never_carries_individual_scores()
    {
        var setup = await NewAsync(shared.Host, "西城区", "南山县", "北湖区", "东城区", "西城区", "南山县");
        var id = await setup.ScheduleAsync();
        await using var teacher = await setup.Teacher.ConnectAsync(Hub);
        await teacher.InvokeAsync("Join", id);
        await teacher.InvokeAsync("Start", id);
        var clients = new List<Collab.TestSupport.LiveClient>();
        try
        {
            foreach (var observer in setup.Observers)
            {
                clients.Add(await observer.ConnectAsync(Hub));
            }
            await Task.WhenAll(clients.Select((c, i) => c.InvokeAsync("Rate", id, Rating($"r{i}", 1, Uniform(i % 5 + 1), $"评语 {i}"))));

            var all = await teacher.WaitForAsync(e => e.GetProperty("type").GetString() == "ratings.updated"
                && e.GetProperty("data").GetProperty("count").GetInt32() == 6);
            var updates = teacher.EventsOfType("ratings.updated");
            var times = updates.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1), $"{pair.First:O} then {pair.Second:O}"));
            Assert.All(updates, e => Assert.Equal(["count", "mean", "weightedTotal"], e.GetProperty("data").EnumerateObject().Select(p => p.Name).Order()));
            Assert.DoesNotContain(teacher.Events, e => e.GetRawText().Contains("评语"));
            // Scores 1,2,3,4,5,1: mean 16/6 on every dimension, total 100 × (16/6) / 5.
            Assert.Equal(53.33, all.GetProperty("data").GetProperty("weightedTotal").GetDouble());
            Assert.Equal(2.67, all.GetProperty("data").GetProperty("mean").GetProperty("skill").GetDouble());
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }
}
