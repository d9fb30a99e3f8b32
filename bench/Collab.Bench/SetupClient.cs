using System.Net.Http.Json;
using System.Text.Json;

namespace Collab.Bench;

/// <summary>The REST calls that set a scenario up: dev tokens, groups, members, lesson plans (PROTOCOL §0, §1, §2).</summary>
public sealed class SetupClient(string baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    public async Task<string> TokenAsync(string userId, string name, CancellationToken cancellation, string role = "teacher")
    {
        var body = new { userId, name, role, school = "3301001", county = "西湖区" };
        var reply = await _http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/dev/token") { Content = JsonContent.Create(body) }, cancellation);
        return reply.GetProperty("token").GetString() ?? throw new InvalidOperationException("no token in the reply");
    }

    public async Task<string> CreateGroupAsync(string token, string name, CancellationToken cancellation)
    {
        var body = new { name, subject = "math", grade = "7", description = "load test" };
        var reply = await _http.SendAsync(() => PatientHttp.Authorized(HttpMethod.Post, "/api/groups", token, body), cancellation);
        return reply.GetProperty("id").GetString() ?? throw new InvalidOperationException("no id in the reply");
    }

    public Task AddMemberAsync(string leaderToken, string groupId, string userId, string name, CancellationToken cancellation) =>
        _http.SendAsync(() => PatientHttp.Authorized(HttpMethod.Post, $"/api/groups/{groupId}/members", leaderToken,
            new { userId, name, school = "3301002", county = "余杭区" }), cancellation);

    /// <summary>Creates a plan whose sections are of <paramref name="format"/> (<c>text</c> or <c>rich</c>, PROTOCOL §9).</summary>
    public async Task<string> CreatePlanAsync(string token, string groupId, string title, string format, CancellationToken cancellation)
    {
        var body = new { title, subject = "chinese", grade = "8", format };
        var reply = await _http.SendAsync(() => PatientHttp.Authorized(HttpMethod.Post, $"/api/groups/{groupId}/lessonpreps", token, body), cancellation);
        return reply.GetProperty("id").GetString() ?? throw new InvalidOperationException("no id in the reply");
    }

    /// <summary>Any other setup call: POST the body with the token, answer the reply's JSON.</summary>
    public Task<JsonElement> PostAsync(string token, string path, object body, CancellationToken cancellation) =>
        _http.SendAsync(() => PatientHttp.Authorized(HttpMethod.Post, path, token, body), cancellation);

    public void Dispose() => _http.Dispose();
}
