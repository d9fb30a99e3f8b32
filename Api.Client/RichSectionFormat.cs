using System.Text.Json;
using Collab.Ot.Rich;

namespace Collab.Client;

/// <summary>A rich section: Quill Delta changes of a Delta document, transformed as quill-delta does (PROTOCOL §9).</summary>
public sealed class RichSectionFormat : ISectionFormat<Delta, Delta>
{
    public static RichSectionFormat Instance { get; } = new();

    public string Field => "delta";

    public Delta Apply(Delta change, Delta content) => content.Compose(change);

    public Delta Compose(Delta first, Delta second) => first.Compose(second);

    public (Delta Server, Delta Client) Transform(Delta server, Delta client) =>
        (client.Transform(server, priority: false), server.Transform(client, priority: true));

    public Delta Read(JsonElement wire) => Delta.Parse(wire);

    // A JsonElement serializes as the very JSON it holds, whatever SignalR's serializer options.
    public object Write(Delta change) => JsonDocument.Parse(change.ToJson()).RootElement;

    public Delta Content(JsonElement section) => Delta.Parse(section.GetProperty("content"));
}
