using System.Text.Json;
using Collab.Ot;
using Collab.Ot.Rich;

namespace Collab.Bench.ShareDb;

/// <summary>
/// ShareDB's rich-text type: Quill Deltas, as Collab's rich sections. Its <c>transform(a, b, side)</c> is
/// <c>b.transform(a, side === 'left')</c>, so with ShareDB's <c>'left'</c> for the client's op the server's op goes
/// first on a tie: the own op is transformed by the server's with priority, as Collab's server orders them.
/// </summary>
public sealed class RichTextType : IShareDbType<Delta, Delta>
{
    public static RichTextType Instance { get; } = new();

    public string Uri => "http://sharejs.org/types/rich-text/v1";

    public void WriteEmpty(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        writer.WriteEndArray();
    }

    // A snapshot's Delta serializes as {"ops": [...]}.
    public Delta Read(JsonElement snapshotData) =>
        Delta.Parse(snapshotData.ValueKind == JsonValueKind.Object ? snapshotData.GetProperty("ops") : snapshotData);

    public string Text(Delta content) => RichEdits.PlainText(content);

    public string Describe(Delta content) => content.ToJson();

    public Delta FromText(TextOperation edit, int editor) => RichEdits.FromText(edit, editor);

    public Delta Apply(Delta change, Delta content) => content.Compose(change);

    public Delta Compose(Delta first, Delta second) => first.Compose(second);

    public (Delta Own, Delta Server) Transform(Delta own, Delta server) =>
        (server.Transform(own, priority: true), own.Transform(server, priority: false));

    public Delta ReadOp(JsonElement op, Func<int> baseLength) =>
        Delta.Parse(op.ValueKind == JsonValueKind.Object ? op.GetProperty("ops") : op);

    public void WriteOp(Utf8JsonWriter writer, Delta change) => change.WriteTo(writer);

    public int Length(Delta content) => content.Length;

    public int BaseLength(Delta change) => change.BaseSpan;
}
