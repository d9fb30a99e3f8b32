using Orleans.Concurrency;

namespace Collab.Grains.Interfaces.Tutoring;

/// <summary>Per teacher: the rooms they created, so "my rooms" (closed ones too) needs no scan of the directory.</summary>
[Alias("collab.ITutoringTutorGrain")]
public interface ITutoringTutorGrain : IGrainWithStringKey
{
    [Alias("AddRoom")]
    Task AddRoomAsync(string roomId);

    /// <summary>Room ids, newest first.</summary>
    [ReadOnly, Alias("ListRooms")]
    Task<IReadOnlyList<string>> ListRoomsAsync();
}
