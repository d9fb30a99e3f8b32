using Collab.Api.RateLimiting;
using Collab.Grains.Interfaces.Common;
using Microsoft.AspNetCore.Http.Features;

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
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodySizeLimit>()?.Bytes ?? limits.MaxRequestBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await Problems.WriteAsync(context, ErrorCodes.TooLarge, $"the request body is larger than {limit} bytes");
                return;
            }
            if (limit != limits.MaxRequestBodyBytes && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                await Problems.WriteAsync(context, ErrorCodes.TooLarge, $"the request body is larger than {limit} bytes");
            }
        });
}
