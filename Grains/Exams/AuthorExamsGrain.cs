using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

public sealed class AuthorExamsGrain(
    [PersistentState("authorexams", StorageNames.Default)] IPersistentState<AuthorExamsState> store)
    : Grain, IAuthorExamsGrain
{
    public async Task AddAsync(string examId)
    {
        if (!store.State.ExamIds.Contains(examId, StringComparer.Ordinal))
        {
            store.State.ExamIds.Add(examId);
            await store.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(Caller caller)
    {
        if (!caller.IsTeacher && !caller.IsAdmin)
        {
            throw CollabException.Forbidden("only teachers and admins author exams");
        }
        if (caller.UserId != this.GetPrimaryKeyString())
        {
            throw CollabException.Forbidden("an author's exam list is their own");
        }
        return Task.FromResult<IReadOnlyList<string>>(Enumerable.Reverse(store.State.ExamIds).ToList());
    }
}
