using System.Reflection;

namespace Collab.Silo.Database;

/// <summary>One numbered script, e.g. <c>0002_orleans_persistence.sql</c> is version 2.</summary>
public sealed record SchemaScript(int Version, string Name, string Sql)
{
    public static SchemaScript Load(Assembly assembly, string resourceName, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"missing embedded script {resourceName}");
        using var reader = new StreamReader(stream);
        var version = int.Parse(fileName[..fileName.IndexOf('_')]);
        return new SchemaScript(version, fileName, reader.ReadToEnd());
    }
}
