using Collab.Grains.Interfaces.Tutoring;

namespace Collab.Grains.Tutoring;

[GenerateSerializer, Alias("collab.tutoring.TutoringDirectoryState")]
public sealed class TutoringDirectoryState
{
    /// <summary>The latest report of each room; closed rooms stay as their last (closed) report so a late open report loses.</summary>
    [Id(0)]
    public Dictionary<string, RoomListing> Rooms { get; set; } = [];
}
