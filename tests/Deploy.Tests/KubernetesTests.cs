using Collab.Silo.Hosting;
using YamlDotNet.RepresentationModel;

namespace Collab.Deploy.Tests;

/// <summary>The Kubernetes manifests parse, their selectors match, and their probes and settings are ones the hosts serve and accept.</summary>
public sealed class KubernetesTests
{
    private static readonly IReadOnlyList<YamlMappingNode> Manifests =
        Directory.GetFiles(DeployFiles.PathOf("k8s"), "*.yaml").Order().SelectMany(f => DeployFiles.Documents(Path.Combine("k8s", Path.GetFileName(f)))).ToList();

    private static IEnumerable<YamlMappingNode> OfKind(string kind) => Manifests.Where(m => m.Text("kind") == kind);

    private static YamlMappingNode Container(YamlMappingNode deployment) =>
        (YamlMappingNode)deployment.Map("spec").Map("template").Map("spec").Seq("containers")[0];

    [Fact]
    public void Every_manifest_has_an_api_version_kind_and_name()
    {
        Assert.NotEmpty(Manifests);
        Assert.All(Manifests, m =>
        {
            Assert.False(string.IsNullOrEmpty(m.Text("apiVersion")));
            Assert.False(string.IsNullOrEmpty(m.Map("metadata").Text("name")));
        });
        Assert.Equal(["collab-api", "collab-silo"], OfKind("Deployment").Select(d => d.Map("metadata").Text("name")).Order());
    }

    [Fact]
    public void Selectors_of_deployments_services_and_budgets_match_the_pod_labels()
    {
        var podLabels = OfKind("Deployment").Select(d => d.Map("spec").Map("template").Map("metadata").Map("labels").Text("app.kubernetes.io/name")).ToHashSet();
        Assert.All(OfKind("Deployment"), d => Assert.Contains(d.Map("spec").Map("selector").Map("matchLabels").Text("app.kubernetes.io/name"), podLabels));
        Assert.All(OfKind("PodDisruptionBudget"), p => Assert.Contains(p.Map("spec").Map("selector").Map("matchLabels").Text("app.kubernetes.io/name"), podLabels));
        Assert.All(OfKind("Service"), s => Assert.Contains(s.Map("spec").Map("selector").Text("app.kubernetes.io/name"), podLabels));
        Assert.Equal(2, OfKind("PodDisruptionBudget").Count());
    }

    [Fact]
    public void The_api_is_probed_on_the_health_endpoints_it_serves()
    {
        var api = Container(OfKind("Deployment").Single(d => d.Map("metadata").Text("name") == "collab-api"));
        Assert.Equal("/health/ready", api.Map("readinessProbe").Map("httpGet").Text("path"));
        Assert.Equal("/health/live", api.Map("livenessProbe").Map("httpGet").Text("path"));
    }

    [Theory]
    [InlineData("collab-silo", HostRoles.Cohosted)]
    [InlineData("collab-api", HostRoles.Client)]
    public void The_configmap_and_literal_environment_are_accepted_by_the_hosts_settings(string deployment, string role)
    {
        var environment = OfKind("ConfigMap").Single().Map("data").Children
            .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!);
        var container = Container(OfKind("Deployment").Single(d => d.Map("metadata").Text("name") == deployment));
        foreach (var variable in container.Seq("env").Cast<YamlMappingNode>())
        {
            environment[variable.Text("name")] = variable.Has("value") ? variable.Text("value") : "Host=from-secret";
        }
        var settings = CollabSettings.From(DeployFiles.Configuration(environment));
        Assert.Equal(role, settings.Options.Role);
        Assert.Equal(StorageKinds.Postgres, settings.Options.Storage);
        Assert.Equal(ClusteringKinds.Postgres, settings.Options.Clustering);
    }

    [Fact]
    public void The_signing_key_and_database_connection_come_from_a_secret_the_repository_does_not_hold()
    {
        Assert.Empty(OfKind("Secret"));
        var api = Container(OfKind("Deployment").Single(d => d.Map("metadata").Text("name") == "collab-api"));
        var key = api.Seq("env").Cast<YamlMappingNode>().Single(v => v.Text("name") == "Collab__Auth__SigningKey");
        Assert.False(key.Has("value"));
        Assert.Equal("collab-secrets", key.Map("valueFrom").Map("secretKeyRef").Text("name"));
        Assert.Equal("signing-key", key.Map("valueFrom").Map("secretKeyRef").Text("key"));
        foreach (var deployment in OfKind("Deployment"))
        {
            var connection = Container(deployment).Seq("env").Cast<YamlMappingNode>().Single(v => v.Text("name") == "ConnectionStrings__Postgres");
            Assert.False(connection.Has("value"));
            Assert.Equal("collab-secrets", connection.Map("valueFrom").Map("secretKeyRef").Text("name"));
        }
    }

    [Fact]
    public void The_network_policy_admits_the_silo_port_from_silos_and_the_gateway_port_from_api_nodes_only()
    {
        var silo = OfKind("Deployment").Single(d => d.Map("metadata").Text("name") == "collab-silo");
        var ports = Container(silo).Seq("ports").Cast<YamlMappingNode>().ToDictionary(p => p.Text("name"), p => p.Text("containerPort"));
        var policy = OfKind("NetworkPolicy").Single().Map("spec");

        Assert.Equal("collab-silo", policy.Map("podSelector").Map("matchLabels").Text("app.kubernetes.io/name"));
        Assert.Equal(["Ingress"], policy.Seq("policyTypes").Select(t => ((YamlScalarNode)t).Value));
        // One line per rule: the pods it admits, then the ports it admits them to.
        var rules = policy.Seq("ingress").Cast<YamlMappingNode>().Select(rule =>
            string.Join(",", rule.Seq("from").Cast<YamlMappingNode>().Select(f => f.Map("podSelector").Map("matchLabels").Text("app.kubernetes.io/name")))
            + " -> " + string.Join(",", rule.Seq("ports").Cast<YamlMappingNode>().Select(p => p.Text("protocol") + "/" + p.Text("port"))));
        Assert.Equal([$"collab-api -> TCP/{ports["gateway"]}", $"collab-silo -> TCP/{ports["silo"]}"], rules.Order());
        Assert.Equal(["11111", "30000"], ports.Values.Order());
    }

    [Fact]
    public void The_api_serves_metrics_and_the_dashboard_on_a_management_port_its_service_does_not_expose()
    {
        var api = Container(OfKind("Deployment").Single(d => d.Map("metadata").Text("name") == "collab-api"));
        var port = api.Seq("env").Cast<YamlMappingNode>().Single(v => v.Text("name") == "Collab__Management__Port").Text("value");
        var ports = api.Seq("ports").Cast<YamlMappingNode>().ToDictionary(p => p.Text("name"), p => p.Text("containerPort"));
        Assert.Equal(port, ports["management"]);
        var service = OfKind("Service").Single(s => s.Map("metadata").Text("name") == "collab-api");
        Assert.Equal(["http"], service.Map("spec").Seq("ports").Cast<YamlMappingNode>().Select(p => p.Text("targetPort")));
    }
}
