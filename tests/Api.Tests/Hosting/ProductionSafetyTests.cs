using Collab.Api.Hosting;
using Microsoft.Extensions.Configuration;

namespace Collab.Api.Tests.Hosting;

public sealed class ProductionSafetyTests
{
    [Fact]
    public void The_development_issuer_is_refused_in_production()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("collab-prod-").FullName;
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => CollabApi.Build(["--environment=Production"], builder =>
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Collab:DataDirectory"] = dataDirectory,
                    ["Collab:Auth:DevIssuer"] = "true",
                })));
            Assert.Contains("DevIssuer", error.Message);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
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
