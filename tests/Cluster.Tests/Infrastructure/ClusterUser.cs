using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Cluster.Tests.Infrastructure;

/// <summary>
/// A teacher or student using the cluster: one token (every node shares the signing key, so it is valid on all of them), REST and
/// hub connections to whichever node the test picks.
/// </summary>
public sealed class ClusterUser(string userId, string county, string role = "teacher")
{
    private string? _token;

    public string UserId => userId;

    public string Name => userId;

    public string School => "school-1";

    public string County => county;

    public static ClusterUser NewTeacher(string prefix, string county) =>
        new($"{prefix}-{Guid.NewGuid():N}"[..20], county);

    public static ClusterUser NewStudent(string prefix, string county) =>
        new($"{prefix}-{Guid.NewGuid():N}"[..20], county, "student");

    public async Task<string> TokenAsync(NodeProcess node)
    {
        if (_token is null)
        {
            using var http = new HttpClient { BaseAddress = node.BaseAddress };
            var response = await http.PostAsJsonAsync("/api/dev/token", new { userId, name = Name, role, school = School, county });
            response.EnsureSuccessStatusCode();
            _token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        }
        return _token;
    }

    public async Task<HttpClient> HttpAsync(NodeProcess node)
    {
        var http = new HttpClient { BaseAddress = node.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(node));
        return http;
    }

    public async Task<string> CreateGroupAsync(NodeProcess node)
    {
        using var http = await HttpAsync(node);
        var response = await http.PostAsJsonAsync("/api/groups", new { name = "跨校教研组", subject = "math", grade = "7", description = "cluster test" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task AddMemberAsync(NodeProcess node, string groupId, ClusterUser member)
    {
        using var http = await HttpAsync(node);
        var response = await http.PostAsJsonAsync($"/api/groups/{groupId}/members",
            new { userId = member.UserId, name = member.Name, school = member.School, county = member.County });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// A hub connection to <paramref name="node"/>; with <paramref name="automaticReconnect"/> it reconnects to the same
    /// address every half second for three minutes after losing it, as a browser does through a load balancer.
    /// </summary>
    public async Task<LiveClient> ConnectAsync(NodeProcess node, string hubPath = "/hubs/groups", bool automaticReconnect = false)
    {
        var token = await TokenAsync(node);
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress!, hubPath), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token));
        if (automaticReconnect)
        {
            builder.WithAutomaticReconnect(Enumerable.Repeat(TimeSpan.FromMilliseconds(500), 360).ToArray());
        }
        var connection = builder.Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }
}
