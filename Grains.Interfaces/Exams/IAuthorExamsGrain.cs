using Collab.Grains.Interfaces.Common;

namespace Collab.Grains.Interfaces.Exams;

/// <summary>Per author (keyed by their user id): the exams they created, so "my exams" needs no scan.</summary>
[Alias("collab.IAuthorExamsGrain")]
public interface IAuthorExamsGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task AddAsync(string examId);

    /// <summary>The exam ids, newest first; only the author themself (a teacher or admin) may read them.</summary>
    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync(Caller caller);
}
