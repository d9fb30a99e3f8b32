using Collab.Grains.Interfaces.Common;
using Orleans.Concurrency;

namespace Collab.Grains.Interfaces.Exams;

/// <summary>A student's exams, found from the candidate index without an exam id (GET /api/me/exams). Key 0; many activations.</summary>
[Alias("collab.IStudentExamsGrain")]
public interface IStudentExamsGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The caller's published exams: open ones first, then those still to open (soonest first), then the rest (latest
    /// first). Students only; others get <c>forbidden</c>.
    /// </summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<CandidateExam>> ListAsync(Caller caller);
}
