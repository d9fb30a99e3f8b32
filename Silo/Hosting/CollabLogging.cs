using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Collab.Silo.Hosting;

/// <summary>
/// Logs every host writes: each entry carries the trace and span of the activity it was written in (an HTTP request,
/// a hub call, and — through Orleans' activity propagation — the grain calls they made), so one id follows a command
/// from the client's connection to the grain and the database. <c>Collab:Logging:Format=json</c> writes one JSON
/// object per line with those ids and every scope, for log collectors; the default is readable text.
/// </summary>
public static class CollabLogging
{
    public const string FormatKey = "Collab:Logging:Format";

    public static ILoggingBuilder AddCollabLogging(this ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (string.Equals(configuration[FormatKey], "json", StringComparison.OrdinalIgnoreCase))
        {
            logging.ClearProviders();
            logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        return logging;
    }
}
