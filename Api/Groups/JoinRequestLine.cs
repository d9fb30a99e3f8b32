using Collab.Grains.Interfaces.Groups;

namespace Collab.Api.Groups;

/// <summary>
/// A pending request as PROTOCOL §6 lists it for the leader. <c>SchoolName</c> is what the teacher's token named until
/// the directory names schools; <c>School</c> keeps the raw value.
/// </summary>
public sealed record JoinRequestLine(string UserId, string Name, string School, string SchoolName, string County, DateTimeOffset At)
{
    public static JoinRequestLine From(JoinRequest request) =>
        new(request.UserId, request.Name, request.School, request.School, request.County, request.RequestedAt);
}
