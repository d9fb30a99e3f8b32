using Collab.Grains.Interfaces.Tutoring;
using Collab.Grains.Live;

namespace Collab.Grains.Tutoring;

[GenerateSerializer, Alias("collab.tutoring.TutoringRoomState")]
public sealed class TutoringRoomState : LiveState
{
    [Id(0)]
    public TutoringRoomInfo? Info { get; set; }

    [Id(1)]
    public List<QueueEntry> Queue { get; set; } = [];

    [Id(2)]
    public TutoringSession? Session { get; set; }

    /// <summary>Finished sessions, oldest first, the latest <see cref="TutoringLimits.HistoryKept"/>.</summary>
    [Id(3)]
    public List<TutoringSessionRecord> History { get; set; } = [];

    [Id(4)]
    public int SessionCount { get; set; }

    /// <summary>Increases with every change of the room's directory listing, so the directory can drop late reports.</summary>
    [Id(5)]
    public long ListingVersion { get; set; }

    [Id(6)]
    public long MessageCount { get; set; }

    /// <summary>Retained <c>stroke.drawn</c> events up to this seq belong to finished sessions and carry no points.</summary>
    [Id(7)]
    public long StrokesTrimmedThroughSeq { get; set; }
}
