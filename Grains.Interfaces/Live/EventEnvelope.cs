namespace Collab.Grains.Interfaces.Live;

/// <summary>
/// One event of a stream. <see cref="Seq"/> is 0 for ephemeral events. Who sees it: <see cref="Audience"/> names the
/// one user allowed to (private notes, own queue position); <see cref="Audiences"/> names several (a tutor and the
/// admitted student); <see cref="AudienceGroup"/> names a group the grain put callers in when they joined (an exam's
/// proctors); with none of them set, every joined client. <see cref="Revokes"/> names users whose access to the stream
/// ends with this event: each node hands the event on, then drops those users' connections from the stream, so
/// nothing after it reaches them. <see cref="PreviousForEveryone"/>, in an area that chains them (a classroom), is on an
/// event for everyone the seq of the stream's previous event for everyone (0 when none): a client that sees only some of
/// the events addressed to others tells a missed event for everyone from a jump over those. Arrays, not interfaces, so the JSON grain storage needs no type name to read them back.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.EventEnvelope")]
public sealed record EventEnvelope(
    [property: Id(0)] string Stream,
    [property: Id(1)] long Seq,
    [property: Id(2)] string Type,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string DataJson,
    [property: Id(5)] string? Audience = null,
    [property: Id(6)] string[]? Audiences = null,
    [property: Id(7)] string? AudienceGroup = null,
    [property: Id(8)] string[]? Revokes = null,
    [property: Id(60)] long? PreviousForEveryone = null)
{
    public bool IsEphemeral => Seq == 0;

    public bool IsForEveryone => Audience is null && Audiences is null && AudienceGroup is null;

    public bool IsVisibleTo(string userId, IReadOnlyCollection<string>? audienceGroups = null) =>
        IsForEveryone
        || Audience == userId
        || (Audiences is not null && Audiences.Contains(userId))
        || (AudienceGroup is not null && audienceGroups is not null && audienceGroups.Contains(AudienceGroup));
}
