using System.Collections.Concurrent;

namespace Collab.Grains.Tests.Cluster;

/// <summary>Counts the calls each grain class receives, by method, so a test can show a grain is not called per answer.</summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public int Count(Type grainClass, string? method = null) =>
        _calls.Where(c => c.Key.StartsWith(grainClass.Name + ".", StringComparison.Ordinal)
                          && (method is null || c.Key == $"{grainClass.Name}.{method}"))
            .Sum(c => c.Value);

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_calls);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        _calls.AddOrUpdate($"{context.Grain.GetType().Name}.{context.ImplementationMethod.Name}", 1, (_, count) => count + 1);
        await context.Invoke();
    }
}
