using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Groups;

/// <summary>Creates groups and people for a test, each with unique ids so tests sharing one Api never meet.</summary>
public sealed class GroupScenario(ApiHost host)
{
    private static int _next;

    public static string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}"[..24];

    public TestUser Teacher(string county = "county-1", string school = "school-1") =>
        host.User(Unique("t"), "teacher", school: school, county: county);

    public TestUser Student() => host.User(Unique("s"), "student");

    public TestUser Admin() => host.User(Unique("a"), "admin");

    public async Task<string> CreateGroupAsync(TestUser leader, string name = "初中数学教研组")
    {
        using var http = await leader.HttpAsync();
        var response = await http.PostAsJsonAsync("/api/groups", new { name, subject = "math", grade = "7", description = "Grade 7 maths across counties" });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task AddMemberAsync(TestUser leader, string groupId, TestUser member)
    {
        using var http = await leader.HttpAsync();
        var response = await http.PostAsJsonAsync($"/api/groups/{groupId}/members",
            new { userId = member.UserId, name = member.Name, school = member.School, county = member.County });
        response.EnsureSuccessStatusCode();
    }

    public static object Message(string clientId, long clientSeq, string text) => new { clientId, clientSeq, text };
}
