namespace Collab.Grains.Tutoring;

[GenerateSerializer, Alias("collab.tutoring.TutoringTutorState")]
public sealed class TutoringTutorState
{
    /// <summary>The teacher's room ids, oldest first, the latest <see cref="TutoringLimits.RoomsPerTutorListed"/>.</summary>
    [Id(0)]
    public List<string> RoomIds { get; set; } = [];
}
