namespace Collab.Grains.Interfaces.Common;

/// <summary>The stable error codes of the client contract (PROTOCOL §0).</summary>
public static class ErrorCodes
{
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string NotMember = "not_member";
    public const string InvalidArgument = "invalid_argument";
    public const string TooLarge = "too_large";
    public const string RateLimited = "rate_limited";
    public const string Conflict = "conflict";
    public const string StaleRevision = "stale_revision";
    public const string Closed = "closed";
    public const string NotOpen = "not_open";
    public const string NotAdmitted = "not_admitted";
    public const string DeadlinePassed = "deadline_passed";
    public const string Unavailable = "unavailable";
}
