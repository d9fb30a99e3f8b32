using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;

namespace Collab.Client.MessagePack;

/// <summary>
/// MessagePack for the hub protocol with the very shapes of the JSON protocol (PROTOCOL §0): every value is laid out
/// by System.Text.Json with the given options (camelCase names, omitted nulls, JsonElement payloads kept as they are)
/// and then encoded as MessagePack maps, arrays, strings and numbers; reading does the reverse. Server and client use
/// it alike, so a MessagePack client sees the same fields as a JSON client, just in a binary encoding.
/// </summary>
public sealed class JsonShapedResolver(JsonSerializerOptions json) : IFormatterResolver
{
    private readonly Dictionary<Type, object> _formatters = [];
    private readonly Lock _gate = new();

    /// <summary>Options for <c>AddMessagePackProtocol</c>: this resolver, with MessagePack's own hardening for untrusted input.</summary>
    public static MessagePackSerializerOptions Options(JsonSerializerOptions json) =>
        MessagePackSerializerOptions.Standard
            .WithResolver(new JsonShapedResolver(json))
            .WithSecurity(MessagePackSecurity.UntrustedData);

    public IMessagePackFormatter<T> GetFormatter<T>()
    {
        lock (_gate)
        {
            if (!_formatters.TryGetValue(typeof(T), out var formatter))
            {
                formatter = new JsonShapedFormatter<T>(json);
                _formatters[typeof(T)] = formatter;
            }
            return (IMessagePackFormatter<T>)formatter;
        }
    }
}
