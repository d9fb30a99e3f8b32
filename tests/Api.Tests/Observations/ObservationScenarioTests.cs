using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;
using Collab.TestSupport;
using static Collab.Api.Tests.Observations.ObservationSetup;

namespace Collab.Api.Tests.Observations;

/// <summary>The "done when": a leader schedules, a teacher is observed by colleagues from three counties, notes and scores flow live, and the report is right.</summary>
[Collection(ApiCollection.Name)]
public sealed class ObservationScenarioTests(SharedApiHost shared)
{
    [Fact]
    public async Task A_leader_schedules_colleagues_from_three_counties_observe_live_and_the_report_is_right()
    {
        var setup = await NewAsync(shared.Host, "西城区", "南山县", "北湖区");
        await using var groupFeed = await setup.Teacher.ConnectAsync("/hubs/groups");
        await groupFeed.InvokeAsync("Join", setup.GroupId);

        // The leader schedules the lesson; the group hears of it.
        var id = await setup.ScheduleAsync();
        await groupFeed.WaitForTypeAsync("session.scheduled", d => d.GetProperty("id").GetString() == id);

        await using var teacher = await setup.Teacher.ConnectAsync(Hub);
        await using var leader = await setup.Leader.ConnectAsync(Hub);
        var observers = new List<LiveClient>();
        foreach (var observer in setup.Observers)
        {
            observers.Add(await observer.ConnectAsync(Hub));
        }
        try
        {
            var everyone = observers.Append(teacher).Append(leader).ToList();
            foreach (var client in everyone)
            {
                await client.InvokeAsync("Join", id);
            }

            await teacher.InvokeAsync("Start", id);
            await Task.WhenAll(everyone.Select(c => c.WaitForTypeAsync("lesson.started")));

            // Notes flow live: each county's observer writes one public note; one also keeps a private one.
            var notes = new[] { "西城：情境导入自然", "南山：小组合作分工明确", "北湖：板书条理清楚" };
            for (var i = 0; i < observers.Count; i++)
            {
                await observers[i].InvokeAsync("AddNote", id, Note($"obs-{i}", 1, notes[i]));
            }
            await observers[1].InvokeAsync("AddNote", id, Note("obs-1", 2, "私：第 12 分钟可追问", "private"));
            foreach (var client in everyone)
            {
                var seen = await client.WaitForCountAsync("note.added", client == observers[1] ? 4 : 3);
                Assert.Equal(notes, seen.Select(e => e.GetProperty("data").GetProperty("text").GetString()).Where(t => !t!.StartsWith("私")));
            }
            Assert.DoesNotContain(teacher.Events, e => e.GetRawText().Contains("第 12 分钟"));

            // Scores flow live as an aggregate; the leader rates too.
            var scores = new Dictionary<string, int>[]
            {
                new() { ["objectives"] = 5, ["content"] = 5, ["methods"] = 4, ["organisation"] = 4, ["effect"] = 5, ["skill"] = 5 },
                new() { ["objectives"] = 4, ["content"] = 4, ["methods"] = 4, ["organisation"] = 3, ["effect"] = 4, ["skill"] = 4 },
                new() { ["objectives"] = 3, ["content"] = 4, ["methods"] = 5, ["organisation"] = 4, ["effect"] = 3, ["skill"] = 5 },
            };
            for (var i = 0; i < observers.Count; i++)
            {
                await observers[i].InvokeAsync("Rate", id, Rating($"obs-{i}", 3, scores[i], $"评语{i}"));
            }
            await leader.InvokeAsync("Rate", id, Rating("leader", 1, Uniform(4)));
            var aggregate = (await teacher.WaitForTypeAsync("ratings.updated", d => d.GetProperty("count").GetInt32() == 4)).GetProperty("data");
            // Totals: 93, 77, 79, 80 → 82.25.
            Assert.Equal(82.25, aggregate.GetProperty("weightedTotal").GetDouble());
            Assert.Equal(4.25, aggregate.GetProperty("mean").GetProperty("methods").GetDouble());
            await Task.WhenAll(observers.Select(c => c.WaitForTypeAsync("ratings.updated", d => d.GetProperty("count").GetInt32() == 4)));

            await teacher.InvokeAsync("End", id);
            await Task.WhenAll(everyone.Select(c => c.WaitForTypeAsync("lesson.ended")));
            await leader.InvokeAsync("FinalizeReport", id);
            await Task.WhenAll(everyone.Select(c => c.WaitForTypeAsync("report.ready")));

            var report = await GetReportAsync(setup.Teacher, id);
            Assert.True(report.GetProperty("final").GetBoolean());
            Assert.Equal(4, report.GetProperty("ratingCount").GetInt32());
            Assert.Equal(82.25, report.GetProperty("weightedTotal").GetDouble());
            var objectives = report.GetProperty("dimensions")[0];
            Assert.Equal("教学目标", objectives.GetProperty("name").GetString());
            Assert.Equal((4.0, 3, 5, 0.71), (objectives.GetProperty("mean").GetDouble(), objectives.GetProperty("min").GetInt32(),
                objectives.GetProperty("max").GetInt32(), objectives.GetProperty("stdDev").GetDouble()));
            Assert.Equal(notes, report.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString()));
            Assert.All(report.GetProperty("notes").EnumerateArray(), n => Assert.InRange(n.GetProperty("offsetSeconds").GetInt32(), 0, 300));
            Assert.Equal(["评语0", "评语1", "评语2"], report.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
            var counties = report.GetProperty("observersByCounty");
            Assert.Equal(4, report.GetProperty("observerCount").GetInt32());
            Assert.Equal(new Dictionary<string, int> { ["东城区"] = 1, ["北湖区"] = 1, ["南山县"] = 1, ["西城区"] = 1 },
                counties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()));

            using var http = await setup.Observers[2].HttpAsync();
            var html = await http.GetStringAsync($"/api/observations/{id}/report?format=html");
            Assert.Contains("82.25 / 100（4 位评课教师）", html);
            Assert.Contains("南山：小组合作分工明确", html);
        }
        finally
        {
            foreach (var client in observers)
            {
                await client.DisposeAsync();
            }
        }
    }
}
