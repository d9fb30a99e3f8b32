namespace Collab.Grains.Tests.Cluster;

/// <summary>A write a test holds: it arrives with its rows, then waits for the test to release or fail it.</summary>
public sealed class HeldWrite<TRow>
{
    private readonly TaskCompletionSource<IReadOnlyList<TRow>> _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The rows of the held write, once the grain (or the group commit) has started it.</summary>
    public Task<IReadOnlyList<TRow>> Arrived => _arrived.Task;

    internal Task Released => _released.Task;

    internal void Arrive(IReadOnlyList<TRow> rows) => _arrived.TrySetResult(rows.ToList());

    public void Release() => _released.TrySetResult();

    /// <summary>The write fails as a lost database would make it fail; none of its rows is stored.</summary>
    public void Fail() => _released.TrySetException(new TimeoutException("the database went away (test)"));
}
