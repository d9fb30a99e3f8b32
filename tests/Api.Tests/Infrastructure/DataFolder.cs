namespace Collab.Api.Tests.Infrastructure;

/// <summary>
/// A fresh temporary data folder for one test, deleted with everything in it on disposal. Declared before the hosts
/// that use it, so that they have stopped (and closed the SQLite file) by the time it goes.
/// </summary>
public sealed class DataFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("collab-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
