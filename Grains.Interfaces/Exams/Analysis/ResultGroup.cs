namespace Collab.Grains.Interfaces.Exams.Analysis;

/// <summary>
/// One group of the results by a dimension (PROTOCOL §7: a school, county, class or room): how many candidates it
/// holds, how many submitted, and the submitted scores' mean, median, highest and lowest (null when none submitted).
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.ResultGroup")]
public sealed record ResultGroup(
    [property: Id(0)] string Key,
    [property: Id(1)] string Name,
    [property: Id(2)] int Count,
    [property: Id(3)] int Submitted,
    [property: Id(4)] decimal? Mean,
    [property: Id(5)] decimal? Median,
    [property: Id(6)] decimal? Max,
    [property: Id(7)] decimal? Min);
