namespace Collab.Grains.Tests.Cluster;

/// <summary>
/// Fails the next grain-to-grain calls of one interface method, either before the call reaches its grain (it never
/// happened) or after it completed there (its answer was lost), so that a test can check the caller retries and the
/// callee changes nothing twice. Calls pass straight through when not armed.
/// </summary>
public sealed class CallFault : IOutgoingGrainCallFilter
{
    private readonly Lock _sync = new();
    private Type? _interface;
    private string? _method;
    private bool _afterCall;
    private int _remaining;
    private TaskCompletionSource? _failed;

    /// <summary>
    /// Fails the next <paramref name="times"/> calls of <typeparamref name="TGrain"/>.<paramref name="method"/> (all of
    /// them until <see cref="Disarm"/> when null); the task completes at the first.
    /// </summary>
    public Task Arm<TGrain>(string method, bool afterCall, int? times = 1)
    {
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            (_interface, _method, _afterCall, _remaining, _failed) = (typeof(TGrain), method, afterCall, times ?? int.MaxValue, failed);
        }
        return failed.Task;
    }

    public void Disarm()
    {
        lock (_sync)
        {
            _remaining = 0;
        }
    }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        var fault = Take(context);
        if (fault is { AfterCall: false })
        {
            fault.Value.Done?.TrySetResult();
            throw new InvalidOperationException($"{_method} did not arrive (test)");
        }
        await context.Invoke();
        if (fault is { AfterCall: true })
        {
            fault.Value.Done?.TrySetResult();
            throw new InvalidOperationException($"the answer to {context.InterfaceMethod?.Name} was lost (test)");
        }
    }

    private (bool AfterCall, TaskCompletionSource? Done)? Take(IOutgoingGrainCallContext context)
    {
        lock (_sync)
        {
            if (_remaining == 0 || context.InterfaceMethod?.DeclaringType != _interface || context.InterfaceMethod?.Name != _method)
            {
                return null;
            }
            _remaining--;
            return (_afterCall, _failed);
        }
    }
}
