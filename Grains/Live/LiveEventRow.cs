namespace Collab.Grains.Live;

/// <summary>
/// One event of a stream as the event log stores it: enough to put it back in the stream's window (<see cref="Seq"/>,
/// <see cref="Type"/>, <see cref="DataJson"/>, <see cref="At"/> and who may see it), for the grain to re-apply it, and
/// to answer a resend of the command that caused it (<see cref="UserId"/>, <see cref="ClientId"/>,
/// <see cref="ClientSeq"/>, <see cref="ResultJson"/>; empty on the further rows of a command that emitted several).
/// </summary>
public sealed record LiveEventRow(
    string Stream,
    long Seq,
    string Type,
    string DataJson,
    string ClientId,
    long ClientSeq,
    string ResultJson,
    DateTimeOffset At,
    string UserId = "",
    string? Audience = null,
    IReadOnlyList<string>? Audiences = null,
    string? AudienceGroup = null);
