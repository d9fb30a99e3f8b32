using System.Net.Http.Json;
using System.Text.Json;

namespace Collab.Bench;

/// <summary>The REST calls of the exam scenario (PROTOCOL §0, §5): dev tokens of any role, create, publish, results.</summary>
public sealed class ExamRestClient(string baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(120) };

    public async Task<string> TokenAsync(string userId, string name, string role, CancellationToken cancellation)
    {
        var body = new { userId, name, role, school = "3301001", county = "西湖区" };
        var reply = await _http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/dev/token") { Content = JsonContent.Create(body) }, cancellation);
        return reply.GetProperty("token").GetString() ?? throw new InvalidOperationException("no token in the reply");
    }

    public async Task<string> CreateExamAsync(string token, object spec, CancellationToken cancellation)
    {
        var reply = await _http.SendAsync(() => PatientHttp.Authorized(HttpMethod.Post, "/api/exams", token, spec), cancellation);
        return reply.GetProperty("id").GetString() ?? throw new InvalidOperationException("no id in the reply");
    }

    public Task<JsonElement> PublishAsync(string token, string examId, CancellationToken cancellation) =>
        _http.SendAsync(() => PatientHttp.Authorized(HttpMethod.Post, $"/api/exams/{examId}/publish", token, null), cancellation);

    public Task<JsonElement> ResultsAsync(string token, string examId, CancellationToken cancellation) =>
        _http.SendAsync(() => PatientHttp.Authorized(HttpMethod.Get, $"/api/exams/{examId}/results", token, null), cancellation);

    public void Dispose() => _http.Dispose();
}
