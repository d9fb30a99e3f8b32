using Collab.Grains.Interfaces.Tutoring;

namespace Collab.Grains.Tutoring;

/// <summary>
/// The open rooms of one subject. Rooms report only when their listing changes, and it writes only when a report is
/// newer than what it holds, so its load is the rate of queue changes in one subject, never strokes or chat.
/// </summary>
public sealed class TutoringDirectoryGrain(
    [PersistentState("tutoringdirectory", StorageNames.Default)] IPersistentState<TutoringDirectoryState> store)
    : Grain, ITutoringDirectoryGrain
{
    public async Task ReportAsync(RoomListing listing)
    {
        var rooms = store.State.Rooms;
        if (rooms.TryGetValue(listing.RoomId, out var held) && held.Version >= listing.Version)
        {
            return;
        }
        rooms[listing.RoomId] = listing;
        await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<RoomListing>> ListAsync() =>
        Task.FromResult<IReadOnlyList<RoomListing>>(store.State.Rooms.Values
            .Where(r => r.Open)
            .OrderBy(r => r.QueueLength)
            .ThenBy(r => r.RoomId, StringComparer.Ordinal)
            .ToList());
}
