namespace Collab.Grains.Tutoring;

/// <summary>A chat message of a session, as stored and as <c>chat.posted</c> carries it.</summary>
[GenerateSerializer, Immutable, Alias("collab.tutoring.ChatLine")]
public sealed record ChatLine(
    [property: Id(0)] string Id,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string ClientId,
    [property: Id(6)] long ClientSeq);
