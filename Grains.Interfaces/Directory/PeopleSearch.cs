namespace Collab.Grains.Interfaces.Directory;

/// <summary>
/// A people search: <see cref="Q"/> a prefix of the name or the user id (case as stored), the other filters exact;
/// <see cref="Cursor"/> the previous page's <c>nextCursor</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.directory.PeopleSearch")]
public sealed record PeopleSearch(
    [property: Id(0)] string? Q,
    [property: Id(1)] string? School,
    [property: Id(2)] string? County,
    [property: Id(3)] string? Role,
    [property: Id(4)] int? Limit,
    [property: Id(5)] string? Cursor);
