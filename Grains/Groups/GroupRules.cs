using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;
using Collab.Grains.Interfaces.Groups;

namespace Collab.Grains.Groups;

/// <summary>What a group's fields may hold, and the group's line in the catalog: plain functions of the command or the state.</summary>
public static class GroupRules
{
    public static GroupInfo NewInfo(string id, CreateGroup command) => new(id,
        TextFields.Required(command.Name, "name", GroupLimits.NameLength),
        TextFields.Required(command.Subject, "subject", GroupLimits.ShortFieldLength),
        TextFields.Required(command.Grade, "grade", GroupLimits.ShortFieldLength),
        TextFields.Optional(command.Description, "description", GroupLimits.DescriptionLength),
        TextFields.Optional(command.County, "county", GroupLimits.ShortFieldLength) is { Length: > 0 } county ? county : null);

    /// <summary>The directory's record of the person when it holds them; students are not members of teachers' groups.</summary>
    public static GroupMember NewMember(string userId, NewMember member, DirectoryPerson? person)
    {
        if (person is not null)
        {
            return person.Role == Roles.Student
                ? throw CollabException.Invalid($"{userId} is a student; groups are for teachers")
                : new GroupMember(userId, person.Name, person.SchoolName, person.County, GroupRoles.Member);
        }
        if (string.IsNullOrWhiteSpace(member.Name))
        {
            throw CollabException.NotFound($"person {userId} in the directory");
        }
        return new GroupMember(userId,
            TextFields.Required(member.Name, "name", GroupLimits.NameLength),
            TextFields.Optional(member.School, "school", GroupLimits.ShortFieldLength),
            TextFields.Optional(member.County, "county", GroupLimits.ShortFieldLength),
            GroupRoles.Member);
    }

    public static GroupListing Listing(GroupInfo info, GroupState state)
    {
        var leader = state.Members.Find(m => m.Role == GroupRoles.Leader);
        return new GroupListing(info.Id, info.Name, info.Subject, info.Grade, info.County, state.Members.Count,
            new GroupLeader(leader?.UserId ?? state.CreatedBy, leader?.Name ?? ""));
    }
}
