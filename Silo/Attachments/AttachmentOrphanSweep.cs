using Microsoft.Extensions.Logging;

namespace Collab.Silo.Attachments;

/// <summary>
/// Removes, once the schema is migrated at the silo's start, the files of the folder store that a crash between their
/// rename and their row left without a row (PROTOCOL §9, durability). Only files older than <see cref="Grace"/> go, so
/// an upload of another process sharing the data folder is never cut off. The PostgreSQL store has nothing to sweep.
/// </summary>
public sealed class AttachmentOrphanSweep(IAttachmentStore store, TimeProvider time, ILogger<AttachmentOrphanSweep> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AttachmentOrphanSweep), ServiceLifecycleStage.ApplicationServices, async cancellationToken =>
        {
            if (store is not FolderAttachmentStore folder)
            {
                return;
            }
            var deleted = await folder.SweepOrphansAsync(time.GetUtcNow(), Grace, cancellationToken);
            if (deleted > 0)
            {
                logger.LogWarning("Removed {Count} attachment files that no row named (left by a crash during an upload)", deleted);
            }
        });
}
