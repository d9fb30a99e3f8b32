using Collab.Grains.Interfaces.Common;

namespace Collab.Grains.Live;

/// <summary>
/// A command as the server remembers it: the client's own id and seq under the user who sent it. The user comes from
/// the caller's token, never from the client, so a colleague who copies a clientId and clientSeq off a broadcast
/// event names a different command and can neither take over nor pre-empt the original's result.
/// </summary>
public sealed record CommandKey(string UserId, string ClientId, long ClientSeq)
{
    public static CommandKey Of(Caller caller, CommandId command) => new(caller.UserId, command.ClientId, command.ClientSeq);

    /// <summary>Refuses a command id the protocol does not allow (PROTOCOL §0), before anything looks it up.</summary>
    public static void Validate(CommandId command)
    {
        if (string.IsNullOrWhiteSpace(command.ClientId) || command.ClientId.Length > 64)
        {
            throw CollabException.Invalid("clientId must be a non-empty string of at most 64 characters");
        }
        if (command.ClientSeq < 0)
        {
            throw CollabException.Invalid("clientSeq must not be negative");
        }
    }
}
