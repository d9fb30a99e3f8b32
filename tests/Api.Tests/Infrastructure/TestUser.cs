using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Api.Tests.Infrastructure;

/// <summary>A person using the Api: gets a token from the development issuer, calls REST, opens hub connections.</summary>
public sealed class TestUser(Uri baseAddress, string userId, string role, string name, string school, string county)
{
    private string? _token;

    public string UserId => userId;

    public string Name => name;

    public string School => school;

    public string County => county;

    public async Task<string> TokenAsync()
    {
        if (_token is null)
        {
            using var http = new HttpClient { BaseAddress = baseAddress };
            var response = await http.PostAsJsonAsync("/api/dev/token", new { userId, name, role, school, county });
            response.EnsureSuccessStatusCode();
            _token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        }
        return _token;
    }

    public async Task<HttpClient> HttpAsync()
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        return http;
    }

    public async Task<LiveClient> ConnectAsync(string hubPath)
    {
        var token = await TokenAsync();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, hubPath), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }
}
