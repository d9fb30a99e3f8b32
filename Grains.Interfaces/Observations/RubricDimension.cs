namespace Collab.Grains.Interfaces.Observations;

/// <summary>
/// One scored dimension of a rubric (评价项目): a stable key, a display name, its weight out of 100, and optional
/// descriptors (评价要点) telling observers what to look for.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.observations.RubricDimension")]
public sealed record RubricDimension(
    [property: Id(0)] string Key,
    [property: Id(1)] string Name,
    [property: Id(2)] int Weight,
    [property: Id(3)] IReadOnlyList<string>? Descriptors = null);
