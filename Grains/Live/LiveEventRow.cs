namespace Collab.Grains.Live;

/// <summary>
/// One event of a stream as the event log stores it: enough to put it back in the stream's window (<see cref="Seq"/>,
/// <see cref="Type"/>, <see cref="DataJson"/>, <see cref="At"/>), for the grain to re-apply it, and to answer a resend
/// of the command that caused it (<see cref="ClientId"/>, <see cref="ClientSeq"/>, <see cref="ResultJson"/>).
/// </summary>
public sealed record LiveEventRow(
    string Stream,
    long Seq,
    string Type,
    string DataJson,
    string ClientId,
    long ClientSeq,
    string ResultJson,
    DateTimeOffset At);
