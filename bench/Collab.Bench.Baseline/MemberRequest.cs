namespace Collab.Bench.Baseline;

public sealed record MemberRequest(string? UserId, string? Name, string? School, string? County);
