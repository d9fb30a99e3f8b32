namespace Collab.Silo.Database;

/// <summary>Runs the schema migration first in the silo's start-up, before the ADO.NET providers check their queries.</summary>
public sealed class SchemaMigrationParticipant(SchemaMigrator migrator) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaMigrationParticipant), ServiceLifecycleStage.First, async cancellationToken =>
            await migrator.MigrateAsync(cancellationToken));
}
