namespace Collab.Grains.Interfaces.Groups;

/// <summary>A group's own fields; <c>County</c> null is a group of the whole city.</summary>
[GenerateSerializer, Immutable, Alias("collab.groups.GroupInfo")]
public sealed record GroupInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Grade,
    [property: Id(4)] string Description,
    [property: Id(5)] string? County = null);
