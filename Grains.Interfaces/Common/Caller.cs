namespace Collab.Grains.Interfaces.Common;

/// <summary>Who is calling, as the API authenticated them; grains decide what this caller may do.</summary>
[GenerateSerializer, Immutable, Alias("collab.Caller")]
public sealed record Caller(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Role,
    [property: Id(3)] string School,
    [property: Id(4)] string County)
{
    public bool IsTeacher => Role == Roles.Teacher;
    public bool IsAdmin => Role == Roles.Admin;
}
