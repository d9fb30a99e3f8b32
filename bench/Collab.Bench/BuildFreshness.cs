using System.Xml.Linq;

namespace Collab.Bench;

/// <summary>
/// Whether a built server is older than the code it is built from: a stale Release Api.dll would measure yesterday's
/// code under today's commit. Each project of the build (the project and its project references, transitively) is
/// compared with its own assembly in the output folder (with reference assemblies, a change inside Grains rewrites
/// Grains.dll but not Api.dll): its C# and project files, the files it embeds, and the repository's Directory.*.props.
/// </summary>
public static class BuildFreshness
{
    private static readonly string[] SourceExtensions = [".cs", ".csproj", ".props", ".targets"];
    private static readonly HashSet<string> SkippedFolders = ["bin", "obj", "node_modules", "wwwroot"];

    /// <summary>What is newer than its assembly in <paramref name="outputDirectory"/>, or null when the build is current.</summary>
    public static string? FindStale(string root, string project, string outputDirectory)
    {
        var shared = Directory.EnumerateFiles(root, "Directory.*.props").Append(Path.Combine(root, "global.json")).Where(File.Exists).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([Path.GetFullPath(Path.Combine(root, project))]);
        while (queue.TryDequeue(out var csproj))
        {
            if (!seen.Add(csproj))
            {
                continue;
            }
            var document = XDocument.Load(csproj);
            var directory = Path.GetDirectoryName(csproj)!;
            var assemblyName = document.Descendants("AssemblyName").Select(e => e.Value.Trim()).FirstOrDefault()
                ?? Path.GetFileNameWithoutExtension(csproj);
            var assembly = Path.Combine(outputDirectory, assemblyName + ".dll");
            if (!File.Exists(assembly))
            {
                return $"{assembly} is missing";
            }
            var built = File.GetLastWriteTimeUtc(assembly);
            var newer = Sources(directory).Concat(Embedded(document, directory)).Concat(shared)
                .FirstOrDefault(file => File.GetLastWriteTimeUtc(file) > built);
            if (newer is not null)
            {
                return $"{Path.GetRelativePath(root, newer)} is newer than {Path.GetRelativePath(root, assembly)} ({built:u})";
            }
            foreach (var reference in document.Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")?.Value.Replace('\\', '/');
                if (include is not null && reference.Attribute("ReferenceOutputAssembly")?.Value != "false")
                {
                    queue.Enqueue(Path.GetFullPath(Path.Combine(directory, include)));
                }
            }
        }
        return null;
    }

    private static IEnumerable<string> Sources(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            if (SourceExtensions.Contains(Path.GetExtension(file)))
            {
                yield return file;
            }
        }
        foreach (var folder in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(folder);
            if (SkippedFolders.Contains(name) || name.StartsWith('.'))
            {
                continue;
            }
            foreach (var file in Sources(folder))
            {
                yield return file;
            }
        }
    }

    /// <summary>Embedded resources are compiled into the assembly (Silo embeds deploy/sql), so they count as its sources.</summary>
    private static IEnumerable<string> Embedded(XDocument document, string directory)
    {
        foreach (var include in document.Descendants("EmbeddedResource").Select(e => e.Attribute("Include")?.Value.Replace('\\', '/')))
        {
            if (include is null)
            {
                continue;
            }
            var wildcard = include.IndexOf("**", StringComparison.Ordinal);
            var folder = Path.GetFullPath(Path.Combine(directory, wildcard < 0 ? Path.GetDirectoryName(include) ?? "" : include[..wildcard]));
            var pattern = Path.GetFileName(include);
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.EnumerateFiles(folder, pattern, wildcard < 0 ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories))
                {
                    yield return file;
                }
            }
        }
    }
}
