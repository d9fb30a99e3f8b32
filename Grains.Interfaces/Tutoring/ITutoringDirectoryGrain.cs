using Orleans.Concurrency;

namespace Collab.Grains.Interfaces.Tutoring;

/// <summary>
/// The open rooms of one subject (keyed by the normalised subject). Rooms report to it only when their listing
/// changes (open, close, queue length, session start or end), so it is never called per stroke or chat line.
/// </summary>
[Alias("collab.ITutoringDirectoryGrain")]
public interface ITutoringDirectoryGrain : IGrainWithStringKey
{
    [OneWay, Alias("Report")]
    Task ReportAsync(RoomListing listing);

    [Alias("List")]
    Task<IReadOnlyList<RoomListing>> ListAsync();
}
