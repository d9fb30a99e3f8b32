using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Collab.Deploy.Tests;

/// <summary>Reads the deploy files as YAML (merge keys resolved) and turns container environments into configuration.</summary>
public static class DeployFiles
{
    public static string PathOf(string relative) => Path.Combine(RepositoryPaths.Root, "deploy", relative);

    public static IReadOnlyList<YamlMappingNode> Documents(string relative)
    {
        using var reader = new StringReader(File.ReadAllText(PathOf(relative)));
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    public static YamlMappingNode Map(this YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    public static YamlSequenceNode Seq(this YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];

    public static string Text(this YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    public static bool Has(this YamlMappingNode node, string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>Environment variables (<c>A__B=value</c>) as the configuration ASP.NET Core builds from them.</summary>
    public static IConfiguration Configuration(IEnumerable<KeyValuePair<string, string>> environment) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e => new KeyValuePair<string, string?>(e.Key.Replace("__", ":"), e.Value)))
            .Build();
}
