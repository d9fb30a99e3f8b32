using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Collab.Api.Dashboard;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Hosting;

/// <summary>
/// The Orleans Dashboard: admins only (a bearer header, or a token exchanged once for a cookie scoped to the
/// dashboard's path), on a configurable path, and absent when switched off.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardTests(SharedApiHost shared)
{
    [Fact]
    public async Task An_admin_with_a_bearer_token_gets_the_page_and_the_clusters_counters()
    {
        using var http = await shared.Host.User("admin-dash", "admin").HttpAsync();

        var page = await http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("index.min.js", await page.Content.ReadAsStringAsync());

        // Counters come from the silo's dashboard grain, so this proves the silo side is there too.
        var counters = await http.GetAsync("/dashboard/DashboardCounters");
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        var json = JsonDocument.Parse(await counters.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("totalActiveHostCount").GetInt32() >= 1, json.ToString());
    }

    [Fact]
    public async Task A_teacher_is_forbidden_and_an_anonymous_caller_or_a_bad_token_is_unauthorized()
    {
        using (var teacher = await shared.Host.User("teacher-dash").HttpAsync())
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/dashboard/")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/dashboard/DashboardCounters")).StatusCode);
        }
        using var anonymous = Browser(shared.Host.BaseAddress, new CookieContainer());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dashboard/DashboardCounters")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dashboard/?access_token=not-a-token")).StatusCode);

        var studentToken = await shared.Host.User("student-dash", "student").TokenAsync();
        var refused = await anonymous.GetAsync($"/dashboard/?access_token={studentToken}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task An_admins_browser_exchanges_the_token_once_for_a_short_lived_cookie_scoped_to_the_dashboard()
    {
        var cookies = new CookieContainer();
        using var browser = Browser(shared.Host.BaseAddress, cookies);
        var token = await shared.Host.User("admin-browser", "admin").TokenAsync();

        var exchange = await browser.GetAsync($"/dashboard?access_token={token}&tab=grains");
        Assert.Equal(HttpStatusCode.SeeOther, exchange.StatusCode);
        Assert.Equal("/dashboard/?tab=grains", exchange.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(exchange.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(AdminDashboard.CookieName + "=", setCookie);
        Assert.Contains("path=/dashboard", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        var cookie = Assert.Single(cookies.GetAllCookies());
        Assert.InRange(cookie.Expires.ToUniversalTime(), DateTime.UtcNow, DateTime.UtcNow.AddMinutes(16));

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/DashboardCounters")).StatusCode);
        // The cookie is the dashboard's only: the rest of the Api still wants a bearer token.
        using var plain = new HttpClient { BaseAddress = shared.Host.BaseAddress };
        var elsewhere = new HttpRequestMessage(HttpMethod.Get, "/api/me/groups");
        elsewhere.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await plain.SendAsync(elsewhere)).StatusCode);
    }

    [Fact]
    public async Task The_path_is_configurable_and_the_default_path_is_then_free()
    {
        await using var host = ApiHost.OnFreshFolder(new Dictionary<string, string?> { ["Collab:Dashboard:Path"] = "/ops/orleans" });
        await host.StartAsync();
        using var http = await host.User("admin-path", "admin").HttpAsync();

        var page = await http.GetAsync("/ops/orleans/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("index.min.js", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/dashboard/")).StatusCode);

        var token = await host.User("admin-path", "admin").TokenAsync();
        using var browser = Browser(host.BaseAddress, new CookieContainer());
        var exchange = await browser.GetAsync($"/ops/orleans?access_token={token}");
        Assert.Contains("path=/ops/orleans", Assert.Single(exchange.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Switched_off_the_dashboard_is_not_found_even_for_an_admin()
    {
        await using var host = ApiHost.OnFreshFolder(new Dictionary<string, string?> { ["Collab:Dashboard:Enabled"] = "false" });
        await host.StartAsync();
        using var http = await host.User("admin-off", "admin").HttpAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/dashboard/DashboardCounters")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/dashboard/?access_token={await host.User("admin-off", "admin").TokenAsync()}")).StatusCode);
    }

    private static HttpClient Browser(Uri baseAddress, CookieContainer cookies)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return http;
    }
}
