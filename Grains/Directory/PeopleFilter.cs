namespace Collab.Grains.Directory;

/// <summary>
/// A people search as the store runs it: empty filters are left out; <see cref="After"/> is the last (name, user id)
/// of the previous page.
/// </summary>
public sealed record PeopleFilter(string Q, string School, string County, string Role, int Limit, PeopleCursor? After);
