using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Orleans.Concurrency;

namespace Collab.Grains.Exams;

/// <summary>
/// A student's exam list: the index says which exams, and each exam says what the student may know of it (an index row
/// of an exam whose publish failed, or that no longer rosters them, is left out). Stateless: nothing to lose.
/// </summary>
[StatelessWorker]
public sealed class StudentExamsGrain(ICandidateIndex index) : Grain, IStudentExamsGrain
{
    /// <summary>A student sits a few exams a term; this many of the latest cover years of them.</summary>
    public const int MaxListed = 100;

    public async Task<IReadOnlyList<CandidateExam>> ListAsync(Caller caller)
    {
        if (caller.Role != Roles.Student)
        {
            throw CollabException.Forbidden("a student's exam list is for students; authors list the exams they created");
        }
        var ids = await index.ExamsOfAsync(caller.UserId, MaxListed);
        var exams = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IExamGrain>(id).GetCandidateExamAsync(caller.UserId)));
        return CandidateExamOrder.Sort(exams.OfType<CandidateExam>());
    }
}
