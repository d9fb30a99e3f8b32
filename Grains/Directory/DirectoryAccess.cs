using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;

namespace Collab.Grains.Directory;

/// <summary>Who may read what of the directory (PROTOCOL §6).</summary>
public static class DirectoryAccess
{
    public static void MayImport(Caller caller)
    {
        if (!caller.IsAdmin)
        {
            throw CollabException.Forbidden("only an admin imports the directory");
        }
    }

    public static void MaySearch(Caller caller)
    {
        if (!caller.IsTeacher && !caller.IsAdmin)
        {
            throw CollabException.Forbidden("only teachers and admins search the directory");
        }
    }

    public static void MaySee(Caller caller, DirectoryClass found)
    {
        if (!caller.IsAdmin && !(caller.IsTeacher && found.TeacherIds.Contains(caller.UserId)))
        {
            throw CollabException.Forbidden($"only the teachers of class {found.Id} and admins see it");
        }
    }

    /// <summary>The store's filter for a search, its bounds checked.</summary>
    public static PeopleFilter Filter(PeopleSearch search, int maxLimit)
    {
        var limit = search.Limit ?? Math.Min(50, maxLimit);
        if (limit < 1 || limit > maxLimit)
        {
            throw CollabException.Invalid($"limit is between 1 and {maxLimit}");
        }
        if (search.Role is { Length: > 0 } role && !Roles.IsKnown(role))
        {
            throw CollabException.Invalid("role is teacher, student or admin");
        }
        return new PeopleFilter(
            TextFields.Optional(search.Q, "q", ImportChecks.MaxNameLength),
            TextFields.Optional(search.School, "school", ImportChecks.MaxIdLength),
            TextFields.Optional(search.County, "county", ImportChecks.MaxNameLength),
            search.Role ?? "",
            limit,
            PeopleCursor.Decode(search.Cursor));
    }
}
