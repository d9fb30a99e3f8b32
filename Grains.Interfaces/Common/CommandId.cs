namespace Collab.Grains.Interfaces.Common;

/// <summary>The client-chosen identity of a mutating command; a resend with the same pair is answered, not applied.</summary>
[GenerateSerializer, Immutable, Alias("collab.CommandId")]
public sealed record CommandId(
    [property: Id(0)] string ClientId,
    [property: Id(1)] long ClientSeq);
