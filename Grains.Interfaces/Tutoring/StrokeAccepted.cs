namespace Collab.Grains.Interfaces.Tutoring;

[GenerateSerializer, Immutable, Alias("collab.tutoring.StrokeAccepted")]
public sealed record StrokeAccepted(
    [property: Id(0)] string StrokeId,
    [property: Id(1)] int StrokeCount);
