using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Hosting;
using Collab.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Collab.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class AuthConfigTests(SharedApiHost shared)
{
    [Fact]
    public async Task Without_an_authority_the_config_offers_the_development_issuer_to_anyone()
    {
        using var http = new HttpClient { BaseAddress = shared.Host.BaseAddress };
        var response = await http.GetAsync("/api/auth/config");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var config = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(config.GetProperty("devIssuer").GetBoolean());
        Assert.Equal(JsonValueKind.Null, config.GetProperty("authority").ValueKind);
        Assert.Equal(JsonValueKind.Null, config.GetProperty("clientId").ValueKind);
    }

    [Fact]
    public async Task With_an_authority_the_config_names_it_and_the_development_issuer_is_off()
    {
        await using var host = ApiHost.OnFreshFolder(new Dictionary<string, string?>
        {
            ["Collab:Auth:Authority"] = "https://id.city.example/realms/teachers",
            ["Collab:Auth:Audience"] = "collab",
            ["Collab:Auth:ClientId"] = "collab-web",
            ["Collab:Auth:Scope"] = "openid profile collab",
        });
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var config = await http.GetFromJsonAsync<JsonElement>("/api/auth/config");
        Assert.False(config.GetProperty("devIssuer").GetBoolean());
        Assert.Equal("https://id.city.example/realms/teachers", config.GetProperty("authority").GetString());
        Assert.Equal("collab-web", config.GetProperty("clientId").GetString());
        Assert.Equal("openid profile collab", config.GetProperty("scope").GetString());

        // What the config says is what the server does: no development tokens, and no way in without a real one.
        var token = await http.PostAsJsonAsync("/api/dev/token", new { userId = "t-1", name = "t", role = "teacher" });
        await ProblemAssert.IsAsync(token, HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await http.GetAsync("/api/me/groups"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task An_authority_without_a_scope_asks_for_openid_and_profile()
    {
        await using var host = ApiHost.OnFreshFolder(new Dictionary<string, string?>
        {
            ["Collab:Auth:Authority"] = "https://id.city.example/realms/teachers",
            ["Collab:Auth:ClientId"] = "collab-web",
        });
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var config = await http.GetFromJsonAsync<JsonElement>("/api/auth/config");
        Assert.Equal("openid profile", config.GetProperty("scope").GetString());
    }

    [Fact]
    public void An_issuer_over_plain_http_is_refused_in_production()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CollabApi.Build(["--environment=Production"], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Collab:DataDirectory"] = Path.GetTempPath(),
                ["Collab:Auth:Authority"] = "http://id.city.example/realms/teachers",
                ["Collab:Auth:RequireHttpsMetadata"] = "false",
            })));
        Assert.Contains("RequireHttpsMetadata", error.Message);
    }
}
