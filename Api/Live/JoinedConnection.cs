namespace Collab.Api.Live;

/// <summary>Who a joined connection belongs to, and the audience groups the grain put them in when they joined.</summary>
internal sealed record JoinedConnection(string UserId, IReadOnlyList<string> AudienceGroups);
