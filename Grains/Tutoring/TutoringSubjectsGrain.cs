using Collab.Grains.Interfaces.Tutoring;

namespace Collab.Grains.Tutoring;

public sealed class TutoringSubjectsGrain(
    [PersistentState("tutoringsubjects", StorageNames.Default)] IPersistentState<TutoringSubjectsState> store)
    : Grain, ITutoringSubjectsGrain
{
    public async Task AddAsync(string subjectKey)
    {
        var subjects = store.State.Subjects;
        // Subjects are free text: past the bound, a new one is listed only when asked for by name.
        if (subjects.Contains(subjectKey) || subjects.Count >= TutoringLimits.SubjectsListed)
        {
            return;
        }
        subjects.Add(subjectKey);
        await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>(store.State.Subjects.ToList());
}
