using Collab.Grains.Interfaces.Common;
using Microsoft.AspNetCore.Http;
using Orleans.Runtime;

namespace Collab.Api.Errors;

/// <summary>Turns what a grain call can throw into a protocol code; anything unknown stays a server error.</summary>
public static class FaultTranslation
{
    public static (string Code, string Message)? Translate(Exception exception) => exception switch
    {
        CollabException collab => (collab.Code, collab.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (ErrorCodes.TooLarge, "the request body is too large"),
        BadHttpRequestException bad => (ErrorCodes.InvalidArgument, bad.Message),
        System.Text.Json.JsonException json => (ErrorCodes.InvalidArgument, $"malformed JSON: {json.Message}"),
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
            => (ErrorCodes.Unavailable, "the cluster did not answer in time; try again"),
        _ => null,
    };
}
