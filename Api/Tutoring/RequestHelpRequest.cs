namespace Collab.Api.Tutoring;

public sealed record RequestHelpRequest(string? ClientId, long ClientSeq, string? Topic);
