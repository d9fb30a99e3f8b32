namespace Collab.Grains.Interfaces.Homework;

/// <summary>The homework one user set, teaches a class of, or has to do, newest first; keyed by user id.</summary>
[Alias("collab.IUserHomeworkGrain")]
public interface IUserHomeworkGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task AddAsync(string homeworkId);

    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
