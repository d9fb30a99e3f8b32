using Orleans.Concurrency;

namespace Collab.Grains.Interfaces.Tutoring;

/// <summary>
/// The subjects that have tutoring rooms (one grain, key <see cref="Key"/>), so the directory can be listed across
/// subjects. Written only when a room is created; read concurrently.
/// </summary>
[Alias("collab.ITutoringSubjectsGrain")]
public interface ITutoringSubjectsGrain : IGrainWithStringKey
{
    public const string Key = "all";

    [Alias("Add")]
    Task AddAsync(string subjectKey);

    [ReadOnly, Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
