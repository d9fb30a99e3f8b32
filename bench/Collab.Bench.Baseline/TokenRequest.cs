namespace Collab.Bench.Baseline;

public sealed record TokenRequest(string? UserId, string? Name, string? Role, string? School, string? County);
