using System.Net;
using System.Net.Http.Headers;
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
        var reply = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/dev/token") { Content = JsonContent.Create(body) }, cancellation);
        return reply.GetProperty("token").GetString() ?? throw new InvalidOperationException("no token in the reply");
    }

    public async Task<string> CreateExamAsync(string token, object spec, CancellationToken cancellation)
    {
        var reply = await SendAsync(() => Authorized(HttpMethod.Post, "/api/exams", token, spec), cancellation);
        return reply.GetProperty("id").GetString() ?? throw new InvalidOperationException("no id in the reply");
    }

    public Task<JsonElement> PublishAsync(string token, string examId, CancellationToken cancellation) =>
        SendAsync(() => Authorized(HttpMethod.Post, $"/api/exams/{examId}/publish", token, null), cancellation);

    public Task<JsonElement> ResultsAsync(string token, string examId, CancellationToken cancellation) =>
        SendAsync(() => Authorized(HttpMethod.Get, $"/api/exams/{examId}/results", token, null), cancellation);

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string token, object? body) =>
        new(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        };

    /// <summary>Sends, waiting out 429s and 503s (a server with default limits admits 30 requests a second per address).</summary>
    private async Task<JsonElement> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var message = request();
            using var response = await _http.SendAsync(message, cancellation);
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && attempt < 120)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(250), cancellation);
                continue;
            }
            var text = await response.Content.ReadAsStringAsync(cancellation);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{message.Method} {message.RequestUri} → {(int)response.StatusCode}: {text}");
            }
            using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            return document.RootElement.Clone();
        }
    }
}
