using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Collab.Bench;

/// <summary>REST calls of the load generator's set-up: JSON in and out, waiting out 429s and 503s.</summary>
public static class PatientHttp
{
    public static HttpRequestMessage Authorized(HttpMethod method, string path, string token, object? body) =>
        new(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        };

    /// <summary>Sends, waiting out 429s and 503s (a server with default limits admits 30 requests a second per address).</summary>
    public static async Task<JsonElement> SendAsync(this HttpClient http, Func<HttpRequestMessage> request, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var message = request();
            using var response = await http.SendAsync(message, cancellation);
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
