using Collab.Grains.Interfaces.Common;

namespace Collab.Api.Errors;

/// <summary>The HTTP status of each protocol error code (PROTOCOL §0).</summary>
public static class ErrorStatus
{
    public static int For(string code) => code switch
    {
        ErrorCodes.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorCodes.Forbidden or ErrorCodes.NotMember or ErrorCodes.NotAdmitted => StatusCodes.Status403Forbidden,
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorCodes.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.Conflict or ErrorCodes.StaleRevision or ErrorCodes.Closed or ErrorCodes.NotOpen or ErrorCodes.DeadlinePassed
            => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
