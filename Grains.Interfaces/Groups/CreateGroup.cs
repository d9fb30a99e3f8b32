using Collab.Grains.Interfaces.Common;

namespace Collab.Grains.Interfaces.Groups;

/// <summary>A new group; without a county it is the whole city's (PROTOCOL §6: groups gain a scope).</summary>
[GenerateSerializer, Immutable, Alias("collab.groups.CreateGroup")]
public sealed record CreateGroup(
    [property: Id(0)] string Name,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Grade,
    [property: Id(3), FreeText] string? Description,
    [property: Id(4)] string? County = null);
