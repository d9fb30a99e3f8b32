using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.LessonPreps;

/// <summary>Personal copies (二次备课) over HTTP: "my copies", the copy's reflection on the original, and the refusals.</summary>
[Collection(ApiCollection.Name)]
public sealed class LessonCopiesTests(SharedApiHost shared)
{
    private const string Hub = "/hubs/lessonprep";
    private readonly GroupScenario _scenario = new(shared.Host);

    /// <summary>A text plan of the leader's new group with the colleague in it, finalized by the leader over the hub.</summary>
    private async Task<(string PlanId, TestUser Leader, TestUser Colleague)> FinalizedPlanAsync()
    {
        var leader = _scenario.Teacher("county-a");
        var colleague = _scenario.Teacher("county-b");
        var groupId = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, groupId, colleague);
        using var http = await leader.HttpAsync();
        var created = await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps",
            new { title = "《落花生》", subject = "chinese", grade = "5", format = "text" });
        var planId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await using var lead = await leader.ConnectAsync(Hub);
        await lead.InvokeAsync("Join", planId);
        await lead.InvokeAsync("SetPhase", planId, "finalized");
        return (planId, leader, colleague);
    }

    private static async Task<string> ForkAsync(TestUser teacher, string planId)
    {
        using var http = await teacher.HttpAsync();
        var response = await http.PostAsync($"/api/lessonpreps/{planId}/fork", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> MyCopiesAsync(TestUser teacher)
    {
        using var http = await teacher.HttpAsync();
        return await http.GetFromJsonAsync<JsonElement>("/api/me/lessonpreps/copies");
    }

    [Fact]
    public async Task A_copy_is_listed_under_my_copies_with_its_origin_for_its_owner_alone()
    {
        var (planId, leader, colleague) = await FinalizedPlanAsync();

        var copyId = await ForkAsync(colleague, planId);

        var copy = Assert.Single((await MyCopiesAsync(colleague)).EnumerateArray());
        Assert.Equal((copyId, "《落花生》", planId, "《落花生》", "drafting"),
            (copy.GetProperty("id").GetString(), copy.GetProperty("title").GetString(), copy.GetProperty("originId").GetString(),
                copy.GetProperty("originTitle").GetString(), copy.GetProperty("phase").GetString()));
        Assert.True(copy.GetProperty("changedAt").GetDateTimeOffset() >= copy.GetProperty("createdAt").GetDateTimeOffset());
        using var ownerHttp = await colleague.HttpAsync();
        Assert.Equal("《落花生》", (await ownerHttp.GetFromJsonAsync<JsonElement>($"/api/lessonpreps/{copyId}")).GetProperty("originTitle").GetString());
        Assert.Empty((await MyCopiesAsync(leader)).EnumerateArray());
        using var signedIn = await colleague.HttpAsync();
        using var anonymous = new HttpClient { BaseAddress = signedIn.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me/lessonpreps/copies")).StatusCode);
    }

    [Fact]
    public async Task A_plan_that_is_not_finalized_and_a_teacher_outside_the_group_are_refused_a_fork()
    {
        var leader = _scenario.Teacher();
        var outsider = _scenario.Teacher("county-c");
        var groupId = await _scenario.CreateGroupAsync(leader);
        using var http = await leader.HttpAsync();
        var created = await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps", new { title = "Unit 1", subject = "english", grade = "7", format = "text" });
        var draftId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var (finalizedId, _, _) = await FinalizedPlanAsync();

        await ProblemAssert.IsAsync(await http.PostAsync($"/api/lessonpreps/{draftId}/fork", null), HttpStatusCode.Conflict, "conflict");
        using var outsiderHttp = await outsider.HttpAsync();
        await ProblemAssert.IsAsync(await outsiderHttp.PostAsync($"/api/lessonpreps/{finalizedId}/fork", null), HttpStatusCode.Forbidden, "not_member");

        Assert.Empty((await MyCopiesAsync(leader)).EnumerateArray());
        Assert.Empty((await MyCopiesAsync(outsider)).EnumerateArray());
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>($"/api/lessonpreps/{draftId}")).GetProperty("forks").EnumerateArray());
    }

    [Fact]
    public async Task The_copys_reflection_reaches_the_original_for_its_group_and_not_for_others()
    {
        var (planId, leader, colleague) = await FinalizedPlanAsync();
        var copyId = await ForkAsync(colleague, planId);
        await using var lead = await leader.ConnectAsync(Hub);
        await lead.InvokeAsync("Join", planId);
        await using var owner = await colleague.ConnectAsync(Hub);
        await owner.InvokeAsync("Join", copyId);

        await owner.InvokeAsync("SubmitOp", copyId, new { clientId = "c", clientSeq = 1, section = "reflection", baseRevision = 0, ops = new object[] { "学生体会到了借物喻人" } });

        var reflected = (await lead.WaitForTypeAsync("fork.reflected", d => d.GetProperty("reflection").GetString() == "学生体会到了借物喻人")).GetProperty("data");
        Assert.Equal((copyId, colleague.UserId), (reflected.GetProperty("forkId").GetString(), reflected.GetProperty("userId").GetString()));
        using var http = await leader.HttpAsync();
        var fork = Assert.Single((await http.GetFromJsonAsync<JsonElement>($"/api/lessonpreps/{planId}")).GetProperty("forks").EnumerateArray());
        Assert.Equal(("学生体会到了借物喻人", colleague.Name), (fork.GetProperty("reflection").GetString(), fork.GetProperty("name").GetString()));
        Assert.True(fork.TryGetProperty("reflectedAt", out var at) && at.ValueKind == JsonValueKind.String);
        using var outsiderHttp = await _scenario.Teacher("county-c").HttpAsync();
        await ProblemAssert.IsAsync(await outsiderHttp.GetAsync($"/api/lessonpreps/{planId}"), HttpStatusCode.Forbidden, "not_member");
    }
}
