using Collab.Api.RateLimiting;
using Collab.Grains.Interfaces.Common;

namespace Collab.Api.Errors;

public static class RequestSizeLimit
{
    /// <summary>
    /// Refuses a declared body over the limit with problem JSON before anything reads it; Kestrel's own limit still
    /// cuts off an undeclared (chunked) body that grows past it.
    /// </summary>
    public static IApplicationBuilder UseRequestSizeProblem(this IApplicationBuilder app, RateLimitOptions limits) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > limits.MaxRequestBodyBytes)
            {
                await Problems.WriteAsync(context, ErrorCodes.TooLarge, $"the request body is larger than {limits.MaxRequestBodyBytes} bytes");
                return;
            }
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                await Problems.WriteAsync(context, ErrorCodes.TooLarge, $"the request body is larger than {limits.MaxRequestBodyBytes} bytes");
            }
        });
}
