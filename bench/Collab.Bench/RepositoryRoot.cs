namespace Collab.Bench;

/// <summary>Checkouts are found as the nearest folder holding <c>Collab.sln</c>.</summary>
public static class RepositoryRoot
{
    /// <summary>The checkout this bench itself was built in (where its baseline is built too).</summary>
    public static string Own() => Find(null, AppContext.BaseDirectory);

    /// <summary>The checkout whose Api is measured: <c>--root</c>, else the one around the working directory.</summary>
    public static string Find(string? given) => Find(given, Directory.GetCurrentDirectory());

    private static string Find(string? given, string fallback)
    {
        if (given is not null)
        {
            return File.Exists(Path.Combine(given, "Collab.sln"))
                ? Path.GetFullPath(given)
                : throw new ArgumentException($"--root {given} holds no Collab.sln");
        }
        foreach (var start in new[] { fallback, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Collab.sln")))
                {
                    return directory.FullName;
                }
            }
        }
        throw new ArgumentException("cannot find the repository root (Collab.sln); pass --root");
    }
}
