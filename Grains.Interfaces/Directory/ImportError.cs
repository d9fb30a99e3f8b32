namespace Collab.Grains.Interfaces.Directory;

/// <summary>
/// Why one row of an import was skipped. <see cref="Kind"/> is schools, people, classes or deactivate; <see cref="Row"/>
/// counts that kind's rows from 1 in the order they came (a CSV's header is not a row).
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.directory.ImportError")]
public sealed record ImportError(
    [property: Id(0)] string Kind,
    [property: Id(1)] int Row,
    [property: Id(2)] string Field,
    [property: Id(3)] string Message);
