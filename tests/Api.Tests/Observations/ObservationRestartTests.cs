using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;
using static Collab.Api.Tests.Observations.ObservationSetup;

namespace Collab.Api.Tests.Observations;

/// <summary>The embedded default keeps an observation (notes, private ones included, ratings, seq) across a restart.</summary>
public sealed class ObservationRestartTests
{
    [Fact]
    public async Task A_live_observation_survives_a_restart_and_resent_commands_are_still_recognised()
    {
        using var folder = new DataFolder();
        string id, noteId;
        long seq;
        ObservationSetup setup;
        var host = new ApiHost(folder.Path);
        await host.StartAsync();
        try
        {
            setup = await NewAsync(host, "西城区", "南山县");
            id = await setup.ScheduleAsync();
            await using var teacher = await setup.Teacher.ConnectAsync(Hub);
            await using var observer = await setup.Observers[0].ConnectAsync(Hub);
            await teacher.InvokeAsync("Start", id);
            noteId = (await observer.InvokeAsync("AddNote", id, Note("tab", 1, "私：提问覆盖面", "private"))).GetProperty("noteId").GetString()!;
            await observer.InvokeAsync("AddNote", id, Note("tab", 2, "公：节奏紧凑"));
            await observer.InvokeAsync("Rate", id, Rating("tab", 3, Uniform(4), "好课"));
            seq = (await observer.InvokeAsync("Join", id)).GetProperty("seq").GetInt64();
        }
        finally
        {
            await host.StopAsync();
        }

        var restarted = new ApiHost(folder.Path);
        await restarted.StartAsync();
        try
        {
            var observer = restarted.User(setup.Observers[0].UserId, county: "西城区");
            var other = restarted.User(setup.Observers[1].UserId, county: "南山县");
            var teacherUser = restarted.User(setup.Teacher.UserId, county: "东城区");
            await using var client = await observer.ConnectAsync(Hub);
            var joined = await client.InvokeAsync("Join", id);
            Assert.True(joined.GetProperty("seq").GetInt64() >= seq);
            var snapshot = joined.GetProperty("snapshot");
            Assert.Equal("live", snapshot.GetProperty("status").GetString());
            Assert.Equal(["私：提问覆盖面", "公：节奏紧凑"], snapshot.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString()));
            Assert.Equal("好课", snapshot.GetProperty("myRating").GetProperty("comment").GetString());
            Assert.Equal(80, snapshot.GetProperty("aggregate").GetProperty("weightedTotal").GetDouble());

            await using var otherClient = await other.ConnectAsync(Hub);
            var otherNotes = (await otherClient.InvokeAsync("Join", id)).GetProperty("snapshot").GetProperty("notes");
            Assert.Equal(["公：节奏紧凑"], otherNotes.EnumerateArray().Select(n => n.GetProperty("text").GetString()));

            var resent = await client.InvokeAsync("AddNote", id, Note("tab", 1, "私：提问覆盖面", "private"));
            Assert.Equal(noteId, resent.GetProperty("noteId").GetString());
            await otherClient.InvokeAsync("Rate", id, Rating("other", 1, Uniform(2)));
            await using var teacher = await teacherUser.ConnectAsync(Hub);
            await teacher.InvokeAsync("End", id);

            using var http = await teacherUser.HttpAsync();
            var report = await http.GetFromJsonAsync<JsonElement>($"/api/observations/{id}/report");
            Assert.Equal(2, report.GetProperty("ratingCount").GetInt32());
            Assert.Equal(60, report.GetProperty("weightedTotal").GetDouble());
            Assert.Equal(["公：节奏紧凑"], report.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString()));
        }
        finally
        {
            await restarted.StopAsync();
        }
    }
}
