namespace Collab.Grains.Interfaces.Live;

/// <summary>
/// One event of a stream. <see cref="Seq"/> is 0 for ephemeral events. <see cref="Audience"/> names the one
/// user allowed to see the event (private notes, own queue position); <see cref="Audiences"/>, when set, names
/// several (a tutor and the admitted student); both null means every joined client. An array, not an interface, so
/// the JSON grain storage needs no type name to read it back.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.EventEnvelope")]
public sealed record EventEnvelope(
    [property: Id(0)] string Stream,
    [property: Id(1)] long Seq,
    [property: Id(2)] string Type,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string DataJson,
    [property: Id(5)] string? Audience = null,
    [property: Id(6)] string[]? Audiences = null)
{
    public bool IsEphemeral => Seq == 0;

    public bool IsForEveryone => Audience is null && Audiences is null;

    public bool IsVisibleTo(string userId) =>
        Audiences is not null ? Audiences.Contains(userId) : Audience is null || Audience == userId;
}
