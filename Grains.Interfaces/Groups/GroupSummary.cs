namespace Collab.Grains.Interfaces.Groups;

[GenerateSerializer, Immutable, Alias("collab.groups.GroupSummary")]
public sealed record GroupSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Grade,
    [property: Id(4)] string Role,
    [property: Id(5)] int MemberCount);
