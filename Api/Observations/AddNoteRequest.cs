using Collab.Grains.Interfaces.Common;

namespace Collab.Api.Observations;

/// <summary>The argument of <c>AddNote</c>; <c>visibility</c> defaults to public and <c>at</c> to now.</summary>
public sealed record AddNoteRequest(string? ClientId, long ClientSeq, [property: FreeText] string? Text, DateTimeOffset? At, string? Visibility);
