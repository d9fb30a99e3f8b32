namespace Collab.Grains.Interfaces.Directory;

/// <summary>What one batch of an import did: how many of its rows were stored, and why the others were skipped.</summary>
[GenerateSerializer, Immutable, Alias("collab.directory.ImportBatchResult")]
public sealed record ImportBatchResult(
    [property: Id(0)] int Stored,
    [property: Id(1)] IReadOnlyList<ImportError> Errors);
