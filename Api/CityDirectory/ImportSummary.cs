using Collab.Grains.Interfaces.Directory;

namespace Collab.Api.CityDirectory;

/// <summary>What an import stored (PROTOCOL §6), and why rows were skipped: the first errors, and how many more there were.</summary>
public sealed record ImportSummary(int Schools, int People, int Classes, int Deactivated, IReadOnlyList<ImportError> Errors, int MoreErrors);
