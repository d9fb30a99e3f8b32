using Collab.Api.Auth;
using Collab.Api.Hosting;
using Collab.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Api.Tests.Hosting;

public sealed class ProductionSafetyTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void The_development_issuer_switched_on_outside_development_refuses_to_start(string environment)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("collab-prod-").FullName;
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => CollabApi.Build([$"--environment={environment}"], builder =>
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Collab:DataDirectory"] = dataDirectory,
                    ["Collab:Auth:DevIssuer"] = "true",
                })));
            Assert.Contains("Collab:Auth:DevIssuer is allowed in the Development environment only", error.Message);
            Assert.Contains(environment, error.Message);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Outside_development_the_development_issuer_is_off_unless_asked_for()
    {
        await using var app = CollabApi.Build(["--environment=Staging"], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Collab:DataDirectory"] = Path.GetTempPath(),
                ["Collab:Auth:SigningKey"] = TestKeys.SigningKey,
            }));
        Assert.False(app.Services.GetRequiredService<TokenIssuer>().Enabled);
    }

    [Fact]
    public void Staging_without_an_issuer_or_key_refuses_to_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CollabApi.Build(["--environment=Staging"], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Collab:DataDirectory"] = Path.GetTempPath() })));
        Assert.Contains("the development issuer is off", error.Message);
    }

    [Fact]
    public void Production_without_an_issuer_or_key_refuses_to_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CollabApi.Build(["--environment=Production"], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Collab:DataDirectory"] = Path.GetTempPath() })));
        Assert.Contains("Authority", error.Message);
    }

    [Fact]
    public void Client_role_without_postgres_clustering_refuses_to_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CollabApi.Build(["--environment=Development"], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Collab:Role"] = "client" })));
        Assert.Contains("Collab:Clustering=postgres", error.Message);
    }
}
