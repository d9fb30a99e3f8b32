using System.Net;
using System.Net.Http.Json;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Api.Tests.CityDirectory;

/// <summary>PROTOCOL §6: a deactivated user's tokens are refused at once, and their open connections close.</summary>
[Collection(ApiCollection.Name)]
public sealed class DeactivationTests(SharedApiHost shared)
{
    private readonly DirectoryScenario _city = new(shared.Host);

    [Fact]
    public async Task A_deactivated_teacher_is_refused_on_rest_and_on_a_new_connection_their_open_connection_closes_and_a_later_import_restores_them()
    {
        await _city.ImportCityAsync();
        var li = _city.As("li", "teacher");
        var groups = new GroupScenario(shared.Host);
        var group = await groups.CreateGroupAsync(li);
        await using var live = await li.ConnectAsync("/hubs/groups");
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        var summary = await _city.ImportAsync(new { deactivate = new[] { _city.Person("li"), $"nobody-{_city.Tag}" } });

        Assert.Equal(1, summary.GetProperty("deactivated").GetInt32());
        Assert.Equal([("deactivate", 2, "userId")], DirectoryScenario.Errors(summary));
        await closed.Task.WaitAsync(LiveClient.DefaultWait);
        using (var http = await li.HttpAsync())
        {
            await ProblemAssert.IsAsync(await http.GetAsync($"/api/groups/{group}"), HttpStatusCode.Forbidden, "forbidden");
        }
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => li.ConnectAsync("/hubs/groups"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var wang = await _city.As("wang", "teacher").HttpAsync())
        {
            var found = await wang.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/directory/people?q={_city.Person("li")}");
            Assert.Empty(found.GetProperty("people").EnumerateArray());
        }

        await _city.ImportCityAsync();

        using var again = await li.HttpAsync();
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/api/groups/{group}")).StatusCode);
    }

    [Fact]
    public async Task A_member_is_added_by_id_alone_with_the_directorys_name_and_a_student_or_a_stranger_is_refused()
    {
        await _city.ImportCityAsync();
        var wang = _city.As("wang", "teacher");
        var group = await new GroupScenario(shared.Host).CreateGroupAsync(wang);
        using var http = await wang.HttpAsync();

        var added = await http.PostAsJsonAsync($"/api/groups/{group}/members", new { userId = _city.Person("li") });
        added.EnsureSuccessStatusCode();
        var member = await added.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(("李娜", "乡村中学", _city.County), (member.GetProperty("name").GetString(), member.GetProperty("school").GetString(), member.GetProperty("county").GetString()));

        await ProblemAssert.IsAsync(await http.PostAsJsonAsync($"/api/groups/{group}/members", new { userId = _city.Person("s1") }), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await http.PostAsJsonAsync($"/api/groups/{group}/members", new { userId = _city.Person("ghost") }), HttpStatusCode.NotFound, "not_found");
        var view = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/groups/{group}");
        Assert.Equal(2, view.GetProperty("members").GetArrayLength());
        Assert.Equal("王芳", view.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("userId").GetString() == wang.UserId).GetProperty("name").GetString());
    }
}
