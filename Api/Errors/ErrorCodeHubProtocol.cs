using System.Buffers;
using Collab.Grains.Interfaces.Common;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace Collab.Api.Errors;

/// <summary>
/// A SignalR hub protocol (JSON, MessagePack), except that a failed invocation's error is exactly the <c>HubException</c> message
/// ("code: sentence", PROTOCOL §0). SignalR itself prefixes it with "An unexpected error occurred invoking …", and
/// reports arguments it cannot bind ("Failed to invoke …") in its own words; both are rewritten here on the way out.
/// </summary>
public sealed class ErrorCodeHubProtocol(IHubProtocol inner) : IHubProtocol
{
    private const string HubExceptionMarker = "HubException: ";
    private readonly IHubProtocol _inner = inner;

    public static ErrorCodeHubProtocol Json(IServiceProvider services) =>
        new(new JsonHubProtocol(services.GetRequiredService<IOptions<JsonHubProtocolOptions>>()));

    public static ErrorCodeHubProtocol MessagePack(IServiceProvider services) =>
        new(new MessagePackHubProtocol(services.GetRequiredService<IOptions<MessagePackHubProtocolOptions>>()));

    public string Name => _inner.Name;

    public int Version => _inner.Version;

    public TransferFormat TransferFormat => _inner.TransferFormat;

    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
        _inner.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(Rewrite(message), output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(Rewrite(message));

    private static HubMessage Rewrite(HubMessage message)
    {
        if (message is not CompletionMessage { Error: { } error } completion)
        {
            return message;
        }
        var marker = error.IndexOf(HubExceptionMarker, StringComparison.Ordinal);
        var rewritten = marker >= 0
            ? error[(marker + HubExceptionMarker.Length)..]
            : error.StartsWith("Failed to invoke", StringComparison.Ordinal)
                ? $"{ErrorCodes.InvalidArgument}: the arguments do not match the method's parameters"
                : $"internal: {error}";
        return CompletionMessage.WithError(completion.InvocationId!, rewritten);
    }
}
