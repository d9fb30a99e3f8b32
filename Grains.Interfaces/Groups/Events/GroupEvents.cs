using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Interfaces.Groups.Events;

/// <summary>A post in the group's feed; one row of the event log.</summary>
public sealed record MessagePostedEvent(string Id, string UserId, string Name, string Text, DateTimeOffset At, string ClientId, long ClientSeq) : ILiveEvent
{
    public static string Type => "message.posted";

    public static MessagePostedEvent Of(GroupMessage message) =>
        new(message.Id, message.UserId, message.Name, message.Text, message.At, message.ClientId, message.ClientSeq);
}

public sealed record MemberAddedEvent(string UserId, string Name, string School, string County, string Role) : ILiveEvent
{
    public static string Type => "member.added";

    public static MemberAddedEvent Of(GroupMember member) => new(member.UserId, member.Name, member.School, member.County, member.Role);
}

/// <summary>The removed member receives it too, as the last event of the stream for them.</summary>
public sealed record MemberRemovedEvent(string UserId, string RemovedBy) : ILiveEvent
{
    public static string Type => "member.removed";
}

public sealed record SessionScheduledEvent(string Kind, string Id, string Title, DateTimeOffset StartsAt) : ILiveEvent
{
    public static string Type => "session.scheduled";

    public static SessionScheduledEvent Of(GroupSession session) => new(session.Kind, session.Id, session.Title, session.StartsAt);
}

/// <summary>To the leaders' connections only: a teacher asks to join.</summary>
public sealed record JoinRequestedEvent(string UserId, string Name, string School, string County, DateTimeOffset At) : ILiveEvent
{
    public static string Type => "join.requested";

    public static JoinRequestedEvent Of(JoinRequest request) => new(request.UserId, request.Name, request.School, request.County, request.RequestedAt);
}

/// <summary>To the leaders' connections only: a request was approved or declined, by this leader or another one.</summary>
public sealed record JoinResolvedEvent(string UserId, string Outcome, string ResolvedBy) : ILiveEvent
{
    public const string Approved = "approved";
    public const string Declined = "declined";

    public static string Type => "join.resolved";
}
