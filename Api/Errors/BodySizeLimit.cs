namespace Collab.Api.Errors;

/// <summary>An endpoint's own body limit in place of the node's (<c>Collab:RateLimits:MaxRequestBodyBytes</c>): a directory import is a file.</summary>
public sealed record BodySizeLimit(long Bytes);
