using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Collab.Grains.Tests.Cluster;

/// <summary>
/// Counts the calls each grain class receives through the project's grain interfaces, by method (the runtime's own
/// timer and reminder plumbing is left out), so a test can show a grain is not called per answer.
/// </summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly Channel<bool> _arrivals = Channel.CreateUnbounded<bool>();

    public int Count(Type grainClass, string? method = null) =>
        _calls.Where(c => c.Key.StartsWith(grainClass.Name + ".", StringComparison.Ordinal)
                          && (method is null || c.Key == $"{grainClass.Name}.{method}"))
            .Sum(c => c.Value);

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_calls);

    /// <summary>Waits until the count reaches <paramref name="atLeast"/>: one-way calls arrive after their sender returned.</summary>
    public async Task WaitForAsync(Type grainClass, string method, int atLeast, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (Count(grainClass, method) < atLeast)
        {
            await _arrivals.Reader.ReadAsync(cancel.Token);
        }
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType?.Namespace?.StartsWith("Collab", StringComparison.Ordinal) != true)
        {
            await context.Invoke();
            return;
        }
        _calls.AddOrUpdate($"{context.Grain.GetType().Name}.{context.ImplementationMethod.Name}", 1, (_, count) => count + 1);
        _arrivals.Writer.TryWrite(true);
        await context.Invoke();
    }
}
