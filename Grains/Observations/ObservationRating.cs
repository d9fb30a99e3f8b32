namespace Collab.Grains.Observations;

/// <summary>One observer's rating; a later Rate by the same observer replaces it.</summary>
[GenerateSerializer, Alias("collab.observations.ObservationRating")]
public sealed class ObservationRating
{
    [Id(0)]
    public string UserId { get; set; } = "";

    [Id(1)]
    public Dictionary<string, int> Scores { get; set; } = [];

    [Id(2)]
    public string Comment { get; set; } = "";

    [Id(3)]
    public DateTimeOffset RatedAt { get; set; }
}
