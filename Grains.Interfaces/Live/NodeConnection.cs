namespace Collab.Grains.Interfaces.Live;

/// <summary>A client connection held by an API node, as the node reports it to the grain it follows.</summary>
[GenerateSerializer, Immutable, Alias("collab.NodeConnection")]
public sealed record NodeConnection(
    [property: Id(0)] string ConnectionId,
    [property: Id(1)] string UserId);
