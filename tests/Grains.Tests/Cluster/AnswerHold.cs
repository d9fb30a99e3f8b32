namespace Collab.Grains.Tests.Cluster;

/// <summary>
/// Holds the answer to one grain call on its way back to the calling grain until the test lets it go, so that a test
/// can make something happen while that call is in flight. Armed for one call at a time; calls pass straight through
/// otherwise.
/// </summary>
public sealed class AnswerHold : IOutgoingGrainCallFilter
{
    private readonly Lock _sync = new();
    private string? _method;
    private TaskCompletionSource? _answered;
    private TaskCompletionSource? _release;

    /// <summary>Holds the next answer to <paramref name="method"/>; the task completes once that answer has arrived.</summary>
    public (Task Answered, Action Release) Arm(string method)
    {
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            _method = method;
            _answered = answered;
            _release = release;
        }
        return (answered.Task, () => release.TrySetResult());
    }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        await context.Invoke();
        TaskCompletionSource? release = null;
        lock (_sync)
        {
            if (_method is not null && context.InterfaceMethod?.Name == _method)
            {
                _method = null;
                _answered!.TrySetResult();
                release = _release;
            }
        }
        if (release is not null)
        {
            await release.Task;
        }
    }
}
