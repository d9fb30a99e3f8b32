namespace Collab.Grains.Interfaces.Classrooms;

/// <summary>The classrooms one user hosts, assists or sits in, newest first; keyed by user id.</summary>
[Alias("collab.IUserClassroomsGrain")]
public interface IUserClassroomsGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task AddAsync(string classroomId);

    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
