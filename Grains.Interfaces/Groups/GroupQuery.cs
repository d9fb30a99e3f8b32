namespace Collab.Grains.Interfaces.Groups;

/// <summary>
/// A search of the group catalog. Null filters match everything; <c>Q</c> matches anywhere in the name, ignoring ASCII
/// case; <c>After</c> is the <c>nextCursor</c> of the previous page.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.groups.GroupQuery")]
public sealed record GroupQuery(
    [property: Id(0)] string? County,
    [property: Id(1)] string? Subject,
    [property: Id(2)] string? Grade,
    [property: Id(3)] string? Q,
    [property: Id(4)] int Limit,
    [property: Id(5)] string? After);

[GenerateSerializer, Immutable, Alias("collab.groups.GroupPage")]
public sealed record GroupPage(
    [property: Id(0)] IReadOnlyList<GroupListing> Groups,
    [property: Id(1)] string? NextCursor);
