using Collab.Silo.Database;

namespace Collab.Silo.Tests.Infrastructure;

/// <summary>Takes one of a node's write turns and keeps it until released, so a test decides when others may write.</summary>
public static class HeldWriteTurn
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<(Task Held, TaskCompletionSource Release)> TakeAsync(CollabDatabase database)
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = database.TakingTurnsAsync(async () =>
        {
            entered.SetResult();
            await release.Task;
        });
        await entered.Task.WaitAsync(Patience);
        return (held, release);
    }
}
