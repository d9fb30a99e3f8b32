namespace Collab.Grains.Interfaces.Live.Events;

/// <summary>Ephemeral: a user's first connection to the stream opened, or their last one closed.</summary>
public sealed record PresenceChangedEvent(string UserId, bool Online) : ILiveEvent
{
    public static string Type => "presence.changed";
}

/// <summary>Ephemeral, to that user alone: they lost the stream (left the plan's group), and this connection no longer receives it.</summary>
public sealed record AccessRevokedEvent(string UserId) : ILiveEvent
{
    public static string Type => "access.revoked";
}
