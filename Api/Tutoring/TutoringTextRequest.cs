using Collab.Grains.Interfaces.Common;

namespace Collab.Api.Tutoring;

/// <summary>The argument of <c>SendChat</c> and <c>PostQueueMessage</c>.</summary>
public sealed record TutoringTextRequest(string? ClientId, long ClientSeq, [property: FreeText] string? Text);
