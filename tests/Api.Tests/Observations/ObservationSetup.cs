using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Observations;

/// <summary>A group with a leader, an observed teacher and observers from several counties, and an observation scheduled in it.</summary>
public sealed class ObservationSetup
{
    public const string Hub = "/hubs/observation";

    public static readonly string[] DefaultKeys = ["objectives", "content", "methods", "organisation", "effect", "skill"];

    private ObservationSetup(GroupScenario scenario, TestUser leader, TestUser teacher, IReadOnlyList<TestUser> observers)
    {
        Scenario = scenario;
        Leader = leader;
        Teacher = teacher;
        Observers = observers;
    }

    public GroupScenario Scenario { get; }
    public TestUser Leader { get; }
    public TestUser Teacher { get; }
    public IReadOnlyList<TestUser> Observers { get; }
    public string GroupId { get; private set; } = "";

    public static async Task<ObservationSetup> NewAsync(ApiHost host, params string[] observerCounties)
    {
        var scenario = new GroupScenario(host);
        var setup = new ObservationSetup(scenario, scenario.Teacher("东城区", "一中"), scenario.Teacher("东城区", "一中"),
            observerCounties.Select((county, i) => scenario.Teacher(county, $"school-{i}")).ToList());
        setup.GroupId = await scenario.CreateGroupAsync(setup.Leader, "初中数学听评课组");
        foreach (var member in setup.Observers.Prepend(setup.Teacher))
        {
            await scenario.AddMemberAsync(setup.Leader, setup.GroupId, member);
        }
        return setup;
    }

    public async Task<HttpResponseMessage> PostObservationAsync(TestUser caller, object? rubric = null, string title = "《一元一次方程》公开课", string? teacherId = null)
    {
        using var http = await caller.HttpAsync();
        return await http.PostAsJsonAsync($"/api/groups/{GroupId}/observations", new
        {
            title,
            teacherId = teacherId ?? Teacher.UserId,
            subject = "数学",
            grade = "七年级",
            startsAt = "2026-11-24T01:30:00Z",
            rubric,
        });
    }

    public async Task<string> ScheduleAsync(object? rubric = null)
    {
        var response = await PostObservationAsync(Leader, rubric);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.StartsWith("ob-", id);
        return id;
    }

    public static object Note(string clientId, long clientSeq, string text, string visibility = "public", DateTimeOffset? at = null) =>
        at is null ? new { clientId, clientSeq, text, visibility } : new { clientId, clientSeq, text, visibility, at };

    public static object Rating(string clientId, long clientSeq, IReadOnlyDictionary<string, int> scores, string? comment = null) =>
        new { clientId, clientSeq, scores, comment };

    public static Dictionary<string, int> Uniform(int score) => DefaultKeys.ToDictionary(k => k, _ => score);

    public static async Task<JsonElement> GetReportAsync(TestUser user, string id)
    {
        using var http = await user.HttpAsync();
        var response = await http.GetAsync($"/api/observations/{id}/report");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
