using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

[GenerateSerializer, Immutable, Alias("collab.exams.SavedAnswer")]
public sealed record SavedAnswer(
    [property: Id(0)] StudentAnswer Answer,
    [property: Id(1)] DateTimeOffset SavedAt);
