namespace Collab.Grains.Interfaces.Groups;

/// <summary>
/// A member to add, by user id (PROTOCOL §6): the directory gives their name, school and county. The typed ones are
/// taken only for someone the directory does not hold, as in a deployment that has not imported its directory.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.groups.NewMember")]
public sealed record NewMember(
    [property: Id(0)] string UserId,
    [property: Id(1)] string? Name = null,
    [property: Id(2)] string? School = null,
    [property: Id(3)] string? County = null);
