using Collab.Grains.Interfaces.Common;

namespace Collab.Grains.Interfaces.Groups;

[GenerateSerializer, Immutable, Alias("collab.groups.CreateGroup")]
public sealed record CreateGroup(
    [property: Id(0)] string Name,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Grade,
    [property: Id(3), FreeText] string? Description);
