using Microsoft.Extensions.Configuration;
using Collab.Silo.Hosting;
using YamlDotNet.RepresentationModel;

namespace Collab.Deploy.Tests;

/// <summary>
/// No Docker engine runs here, so the compose file is validated as far as this machine allows: it parses, its
/// services are the ones the operations guide describes, and each Collab container's environment is accepted by the
/// same settings validation the hosts run at start-up.
/// </summary>
public sealed class ComposeTests
{
    private static readonly YamlMappingNode Services = DeployFiles.Documents("docker-compose.yml").Single().Map("services");

    private static Dictionary<string, string> Environment(string service) =>
        Services.Map(service).Map("environment").Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!);

    [Fact]
    public void It_runs_postgres_two_silos_two_api_nodes_and_a_balancer()
    {
        Assert.Equal(["api-a", "api-b", "balancer", "postgres", "silo-a", "silo-b"],
            Services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order());
    }

    [Theory]
    [InlineData("silo-a", HostRoles.Cohosted)]
    [InlineData("silo-b", HostRoles.Cohosted)]
    [InlineData("api-a", HostRoles.Client)]
    [InlineData("api-b", HostRoles.Client)]
    public void Every_collab_container_is_configured_for_the_postgres_cluster(string service, string role)
    {
        var settings = CollabSettings.From(DeployFiles.Configuration(Environment(service)));
        Assert.Equal(StorageKinds.Postgres, settings.Options.Storage);
        Assert.Equal(ClusteringKinds.Postgres, settings.Options.Clustering);
        Assert.Equal(role, settings.Options.Role);
        Assert.Contains("Host=postgres", settings.PostgresConnectionString);
    }

    [Fact]
    public void Each_silo_advertises_the_address_it_has_on_the_network()
    {
        foreach (var silo in new[] { "silo-a", "silo-b" })
        {
            var advertised = Environment(silo)["Collab__Orleans__AdvertisedIP"];
            var network = Services.Map(silo).Map("networks").Map("collab");
            Assert.Equal(advertised, network.Text("ipv4_address"));
        }
    }

    [Fact]
    public void The_files_it_builds_and_mounts_exist()
    {
        foreach (var service in new[] { "silo-a", "api-a" })
        {
            var dockerfile = Services.Map(service).Map("build").Text("dockerfile");
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, dockerfile)), dockerfile);
        }
        var schema = ((YamlScalarNode)Services.Map("postgres").Seq("volumes")[0]).Value!.Split(':')[0];
        Assert.NotEmpty(Directory.GetFiles(DeployFiles.PathOf(schema), "*.sql"));
    }

    [Fact]
    public void The_balancer_passes_websocket_upgrades_to_both_api_nodes_with_sticky_sessions()
    {
        var conf = File.ReadAllText(DeployFiles.PathOf("docker/nginx.conf"));
        Assert.Contains("server api-a:8080;", conf);
        Assert.Contains("server api-b:8080;", conf);
        Assert.Contains("ip_hash;", conf);
        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", conf);
    }

    [Theory]
    [InlineData("silo-a")]
    [InlineData("api-a")]
    [InlineData("api-b")]
    public void The_signing_key_and_database_password_come_from_the_environment_with_no_default(string service)
    {
        var environment = Environment(service);
        Assert.Matches(@"^\$\{COLLAB_SIGNING_KEY:\?[^}]+\}$", environment["Collab__Auth__SigningKey"]);
        Assert.Contains("Password=${COLLAB_POSTGRES_PASSWORD:?", environment["ConnectionStrings__Postgres"]);
        Assert.Matches(@"^\$\{COLLAB_POSTGRES_PASSWORD:\?[^}]+\}$", Environment("postgres")["POSTGRES_PASSWORD"]);
    }

    [Theory]
    [InlineData("api-a")]
    [InlineData("api-b")]
    public void The_api_nodes_believe_forwarded_addresses_from_the_balancer_only(string service)
    {
        var proxies = DeployFiles.Configuration(Environment(service)).GetSection("Collab:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        Assert.Equal([Services.Map("balancer").Map("networks").Map("collab").Text("ipv4_address")], proxies);
        Assert.Contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", File.ReadAllText(DeployFiles.PathOf("docker/nginx.conf")));
    }
}
