namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>The personal copies (二次备课) one teacher made, newest first; keyed by user id. Told by each copy itself.</summary>
[Alias("collab.IUserLessonCopiesGrain")]
public interface IUserLessonCopiesGrain : IGrainWithStringKey
{
    /// <summary>Idempotent: a copy that tells it again, after a failure it could not see the end of, is listed once.</summary>
    [Alias("Add")]
    Task AddAsync(string copyId);

    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
