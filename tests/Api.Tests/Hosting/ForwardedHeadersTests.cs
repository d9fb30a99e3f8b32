using System.Net;
using Collab.Api.Hosting;
using Collab.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Collab.Api.Tests.Hosting;

/// <summary>Anonymous callers behind a configured proxy get a rate-limit bucket each; without one, the header counts for nothing.</summary>
public sealed class ForwardedHeadersTests
{
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["Collab:RateLimit:AddressBurst"] = "5",
        ["Collab:RateLimit:AddressPerSecond"] = "1",
    };

    [Fact]
    public async Task Clients_forwarded_by_a_known_proxy_have_a_bucket_each()
    {
        await using var host = ApiHost.OnFreshFolder(new Dictionary<string, string?>(Limits) { ["Collab:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        await ExhaustAsync(http, "203.0.113.1");

        // A whole burst for the second client: sharing the first one's empty bucket, it would get one token a second.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await ConfigAsync(http, "203.0.113.2"));
        }
    }

    [Fact]
    public async Task Without_a_known_proxy_the_forwarded_address_is_ignored()
    {
        await using var host = ApiHost.OnFreshFolder(Limits);
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        await ExhaustAsync(http, "203.0.113.1");

        Assert.Equal(HttpStatusCode.TooManyRequests, await ConfigAsync(http, "203.0.113.2"));
    }

    private static async Task ExhaustAsync(HttpClient http, string client)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await ConfigAsync(http, client) == HttpStatusCode.TooManyRequests)
            {
                return;
            }
        }
        Assert.Fail($"{client} was never limited");
    }

    private static async Task<HttpStatusCode> ConfigAsync(HttpClient http, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/config") { Headers = { { "X-Forwarded-For", client } } };
        return (await http.SendAsync(request)).StatusCode;
    }

    [Fact]
    public void A_known_proxy_that_is_not_an_address_refuses_to_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CollabApi.Build(["--environment=Development"], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Collab:DataDirectory"] = Path.GetTempPath(),
                ["Collab:ForwardedHeaders:KnownProxies:0"] = "balancer.internal",
            })));
        Assert.Equal("Collab:ForwardedHeaders:KnownProxies holds 'balancer.internal', which is not an IP address", error.Message);
    }
}
