using System.Net;
using System.Net.Http.Json;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.WebClient;

/// <summary>
/// The Api serves the built web client at / and index.html for the client's own paths, while /api, /hubs and
/// /health keep answering as before; without a built client nothing changes.
/// </summary>
public sealed class WebClientHostingTests
{
    private const string Marker = "<title>collab-test-client</title>";

    [Fact]
    public async Task A_built_client_is_served_at_the_root_and_for_client_paths_but_never_for_api_hub_or_health_paths()
    {
        var webRoot = Directory.CreateTempSubdirectory("collab-web-root-").FullName;
        await File.WriteAllTextAsync(Path.Combine(webRoot, "index.html"), $"<!doctype html>{Marker}");
        Directory.CreateDirectory(Path.Combine(webRoot, "assets"));
        await File.WriteAllTextAsync(Path.Combine(webRoot, "assets", "app-1a2b.js"), "console.log('collab');");
        await using var host = ApiHost.OnFreshFolder(new Dictionary<string, string?> { ["Collab:WebRoot"] = webRoot });
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        foreach (var path in new[] { "/", "/groups/g-7kq2m9xw4tab", "/exams/ex-1/proctor", "/apiary", "/hubsite" })
        {
            var page = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains(Marker, await page.Content.ReadAsStringAsync());
            Assert.True(page.Headers.CacheControl?.NoCache, path);
        }

        var asset = await http.GetAsync("/assets/app-1a2b.js");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("console.log('collab');", await asset.Content.ReadAsStringAsync());
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString());

        foreach (var path in new[] { "/assets/missing-9z.js", "/api/nothing", "/api/groups/g-1/nothing/else", "/hubs/nothing", "/health/nothing" })
        {
            var missing = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.DoesNotContain(Marker, await missing.Content.ReadAsStringAsync());
        }

        var unauthorized = await http.GetAsync("/api/me/groups");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        var token = await http.PostAsJsonAsync("/api/dev/token", new { userId = "t-1", name = "王老师", role = "teacher" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal("application/json", token.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_a_built_client_the_root_and_client_paths_are_not_found()
    {
        var empty = Directory.CreateTempSubdirectory("collab-web-none-").FullName;
        await using var host = ApiHost.OnFreshFolder(new Dictionary<string, string?> { ["Collab:WebRoot"] = empty });
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/groups/g-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
    }
}
