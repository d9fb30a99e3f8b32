using Collab.Grains.Interfaces.Common;

namespace Collab.Api.Observations;

/// <summary>The argument of <c>Rate</c>: a score 1–5 for every rubric dimension by key, and an optional comment.</summary>
public sealed record RateRequest(string? ClientId, long ClientSeq, Dictionary<string, int>? Scores, [property: FreeText] string? Comment);
