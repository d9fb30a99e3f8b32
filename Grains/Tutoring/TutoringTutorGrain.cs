using Collab.Grains.Interfaces.Tutoring;

namespace Collab.Grains.Tutoring;

public sealed class TutoringTutorGrain(
    [PersistentState("tutoringtutor", StorageNames.Default)] IPersistentState<TutoringTutorState> store)
    : Grain, ITutoringTutorGrain
{
    public async Task AddRoomAsync(string roomId)
    {
        var rooms = store.State.RoomIds;
        if (rooms.Contains(roomId))
        {
            return;
        }
        rooms.Add(roomId);
        if (rooms.Count > TutoringLimits.RoomsPerTutorListed)
        {
            rooms.RemoveAt(0);
        }
        await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ListRoomsAsync() =>
        Task.FromResult<IReadOnlyList<string>>(store.State.RoomIds.AsEnumerable().Reverse().ToList());
}
