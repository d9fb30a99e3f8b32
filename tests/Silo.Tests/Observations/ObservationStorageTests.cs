using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.Observations;
using Collab.Silo.Tests.Infrastructure;
using Collab.TestSupport;

namespace Collab.Silo.Tests.Observations;

/// <summary>
/// An observation written by one silo is read back whole by the next, through the real ADO.NET grain storage and its
/// JSON serializer, on both databases: rubric (not duplicated, descriptors kept), notes, ratings and observers.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ObservationStorageTests(PostgresServer postgres)
{
    private static readonly Caller Leader = new("st-leader", "组长", Roles.Teacher, "一中", "东城区");
    private static readonly Caller Teacher = new("st-teacher", "王老师", Roles.Teacher, "一中", "东城区");
    private static readonly Caller Observer = new("st-observer", "李老师", Roles.Teacher, "二中", "西城区");

    [Fact]
    public async Task An_observation_survives_a_restart_on_sqlite()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("collab-observation-").FullName;
        try
        {
            await AssertSurvivesRestartAsync(new Dictionary<string, string?> { ["Collab:DataDirectory"] = dataDirectory });
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task An_observation_survives_a_restart_on_postgres()
    {
        await AssertSurvivesRestartAsync(new Dictionary<string, string?>
        {
            ["Collab:Storage"] = "postgres",
            ["Collab:Clustering"] = "postgres",
            ["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync(),
        });
    }

    [Fact]
    public async Task A_report_due_to_finalize_while_no_silo_runs_is_finalized_after_the_restart_on_sqlite()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("collab-observation-").FullName;
        try
        {
            await AssertFinalizedAfterRestartAsync(new Dictionary<string, string?> { ["Collab:DataDirectory"] = dataDirectory });
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_report_due_to_finalize_while_no_silo_runs_is_finalized_after_the_restart_on_postgres()
    {
        await AssertFinalizedAfterRestartAsync(new Dictionary<string, string?>
        {
            ["Collab:Storage"] = "postgres",
            ["Collab:Clustering"] = "postgres",
            ["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync(),
        });
    }

    private static async Task AssertFinalizedAfterRestartAsync(Dictionary<string, string?> settings)
    {
        settings["Collab:Observations:ReportFinalizesAfter"] = "00:00:08";
        settings["Collab:Observations:FinalizeReminderPeriod"] = "00:00:01";
        var id = $"ob-{Guid.NewGuid():N}";
        var first = await SiloHost.StartAsync(settings);
        try
        {
            var groupId = $"g-{Guid.NewGuid():N}";
            var group = first.Grains().GetGrain<IGroupGrain>(groupId);
            await group.CreateAsync(Leader, new CreateGroup("听评课组", "math", "7", null));
            await group.AddMemberAsync(Leader, new NewMember(Teacher.UserId, Teacher.Name, Teacher.School, Teacher.County));
            var observation = first.Grains().GetGrain<IObservationGrain>(id);
            await observation.CreateAsync(Leader, groupId, new CreateObservation("公开课", Teacher.UserId, "数学", "七年级", DateTimeOffset.UtcNow));
            await observation.StartAsync(Teacher);
            await observation.RateAsync(Leader, new CommandId("tab", 1), new Dictionary<string, int>
            {
                ["objectives"] = 4, ["content"] = 4, ["methods"] = 4, ["organisation"] = 4, ["effect"] = 4, ["skill"] = 4,
            }, null);
            await observation.EndAsync(Teacher);
            Assert.False((await observation.GetReportAsync(Teacher)).Final);
        }
        finally
        {
            await first.StopQuietlyAsync();
        }

        var second = await SiloHost.StartAsync(settings);
        try
        {
            var observation = second.Grains().GetGrain<IObservationGrain>(id);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var report = await observation.GetReportAsync(Teacher);
            while (!report.Final)
            {
                await Task.Delay(200, timeout.Token);
                report = await observation.GetReportAsync(Teacher);
            }
            Assert.Equal(80, report.WeightedTotal);
            Assert.True(report.FinalizedAt >= report.EndedAt!.Value.AddSeconds(8));
        }
        finally
        {
            await second.StopQuietlyAsync();
        }
    }

    private static async Task AssertSurvivesRestartAsync(Dictionary<string, string?> settings)
    {
        var groupId = $"g-{Guid.NewGuid():N}";
        var id = $"ob-{Guid.NewGuid():N}";
        var rubric = new Rubric([new("design", "教学设计", 55, ["目标清晰", "环节完整"]), new("delivery", "课堂实施", 45)]);
        var first = await SiloHost.StartAsync(settings);
        try
        {
            var group = first.Grains().GetGrain<IGroupGrain>(groupId);
            await group.CreateAsync(Leader, new CreateGroup("听评课组", "math", "7", null));
            await group.AddMemberAsync(Leader, new NewMember(Teacher.UserId, Teacher.Name, Teacher.School, Teacher.County));
            await group.AddMemberAsync(Leader, new NewMember(Observer.UserId, Observer.Name, Observer.School, Observer.County));
            var observation = first.Grains().GetGrain<IObservationGrain>(id);
            await observation.CreateAsync(Leader, groupId, new CreateObservation("公开课", Teacher.UserId, "数学", "七年级", DateTimeOffset.UtcNow, rubric));
            await observation.StartAsync(Teacher);
            await observation.AddNoteAsync(Observer, new CommandId("tab", 1), "私：提问面窄", null, NoteVisibility.Private);
            await observation.RateAsync(Observer, new CommandId("tab", 2), new Dictionary<string, int> { ["design"] = 5, ["delivery"] = 3 }, "扎实");
        }
        finally
        {
            await first.StopQuietlyAsync();
        }

        var second = await SiloHost.StartAsync(settings);
        try
        {
            var observation = second.Grains().GetGrain<IObservationGrain>(id);
            var resent = await observation.AddNoteAsync(Observer, new CommandId("tab", 1), "私：提问面窄", null, NoteVisibility.Private);
            Assert.Equal("n1", resent.NoteId);
            await observation.EndAsync(Leader);
            var report = await observation.GetReportAsync(Teacher);

            Assert.Equal(["design", "delivery"], report.Dimensions.Select(d => d.Key));
            Assert.Equal(1, report.RatingCount);
            // (55 × 5 + 45 × 3) / 5
            Assert.Equal(82, report.WeightedTotal);
            Assert.Empty(report.Notes);
            Assert.Equal("扎实", Assert.Single(report.Comments).Text);
            Assert.Equal(new Dictionary<string, int> { ["西城区"] = 1 }, report.ObserversByCounty);
            var stored = System.Text.Json.JsonDocument.Parse((await observation.JoinAsync(Observer)).SnapshotJson).RootElement
                .GetProperty("rubric").GetProperty("dimensions");
            Assert.Equal(2, stored.GetArrayLength());
            Assert.Equal(["目标清晰", "环节完整"], stored[0].GetProperty("descriptors").EnumerateArray().Select(d => d.GetString()));
            var refused = await Assert.ThrowsAsync<CollabException>(() => observation.SetRubricAsync(Leader, rubric));
            Assert.Equal(ErrorCodes.Conflict, refused.Code);
        }
        finally
        {
            await second.StopQuietlyAsync();
        }
    }
}
