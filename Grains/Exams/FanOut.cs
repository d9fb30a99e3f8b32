namespace Collab.Grains.Exams;

/// <summary>
/// Calls something for every candidate with at most a given number of calls in flight, the results in the roster's
/// order: a city's roster read at once would queue tens of thousands of messages. It awaits on the caller's scheduler
/// (not the thread pool), so a grain may use it within its turn.
/// </summary>
public static class FanOut
{
    public static async Task<List<T>> RunAsync<T>(IReadOnlyList<string> ids, int inFlight, Func<string, Task<T>> call)
    {
        var results = new T[ids.Count];
        using var gate = new SemaphoreSlim(inFlight);
        await Task.WhenAll(ids.Select(async (id, index) =>
        {
            await gate.WaitAsync();
            try
            {
                results[index] = await call(id);
            }
            finally
            {
                gate.Release();
            }
        }));
        return results.ToList();
    }
}
