namespace Collab.Grains.Observations;

/// <summary>A note as stored: <see cref="At"/> is the moment of the lesson it is about, <see cref="WrittenAt"/> when it arrived.</summary>
[GenerateSerializer, Alias("collab.observations.ObservationNote")]
public sealed class ObservationNote
{
    [Id(0)]
    public string Id { get; set; } = "";

    [Id(1)]
    public string UserId { get; set; } = "";

    [Id(2)]
    public string Name { get; set; } = "";

    [Id(3)]
    public string Text { get; set; } = "";

    [Id(4)]
    public DateTimeOffset At { get; set; }

    [Id(5)]
    public int OffsetSeconds { get; set; }

    [Id(6)]
    public string Visibility { get; set; } = "";

    [Id(7)]
    public DateTimeOffset WrittenAt { get; set; }
}
