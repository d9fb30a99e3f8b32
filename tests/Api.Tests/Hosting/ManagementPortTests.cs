using System.Net;
using System.Net.Http.Headers;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Hosting;

/// <summary>With <c>Collab:Management:Port</c>, the metrics and the dashboard answer on that port and nowhere else.</summary>
public sealed class ManagementPortTests
{
    [Fact]
    public async Task Metrics_and_the_dashboard_answer_on_the_management_port_only()
    {
        var port = FreePorts.Next();
        await using var host = ApiHost.OnFreshFolder(new Dictionary<string, string?> { ["Collab:Management:Port"] = port.ToString() });
        await host.StartAsync();
        Assert.NotEqual(port, host.BaseAddress.Port);
        var token = await host.User("admin-mgmt", "admin").TokenAsync();
        using var publicPort = Client(host.BaseAddress, token);
        using var managementPort = Client(new Uri($"http://127.0.0.1:{port}"), token);

        await ProblemAssert.IsAsync(await publicPort.GetAsync("/metrics"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await publicPort.GetAsync("/dashboard/"), HttpStatusCode.NotFound, "not_found");
        // The Host header is the caller's to choose, so naming the management port in it changes nothing.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Host = $"127.0.0.1:{port}" } };
        await ProblemAssert.IsAsync(await publicPort.SendAsync(spoofed), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, (await publicPort.GetAsync("/api/me/groups")).StatusCode);

        var metrics = await managementPort.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", await metrics.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await managementPort.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await managementPort.GetAsync("/health/live")).StatusCode);
        await ProblemAssert.IsAsync(await managementPort.GetAsync("/api/me/groups"), HttpStatusCode.NotFound, "not_found");
    }

    private static HttpClient Client(Uri baseAddress, string token)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
