using System.Text.Json;
using Collab.Ot;

namespace Collab.Bench.ShareDb;

/// <summary>
/// ot-text-unicode, the plain-text type: code points, as Collab's text sections. ShareDB breaks an insert-insert tie in
/// favour of the client's op (its client and its server both call <c>transform(clientOp, serverOp, 'left')</c>), so the
/// own op is the first side of <see cref="TextOperation.Transform"/>, whose first side goes first.
/// </summary>
public sealed class TextUnicodeType : IShareDbType<TextOperation, string>
{
    public static TextUnicodeType Instance { get; } = new();

    public string Uri => "http://sharejs.org/types/text-unicode";

    public void WriteEmpty(Utf8JsonWriter writer) => writer.WriteStringValue("");

    public string Read(JsonElement snapshotData) => snapshotData.GetString()!;

    public string Text(string content) => content;

    public string Describe(string content) => content;

    public TextOperation FromText(TextOperation edit, int editor) => edit;

    public string Apply(TextOperation change, string content) => change.Apply(content);

    public TextOperation Compose(TextOperation first, TextOperation second) => TextOperation.Compose(first, second);

    public (TextOperation Own, TextOperation Server) Transform(TextOperation own, TextOperation server) => TextOperation.Transform(own, server);

    public TextOperation ReadOp(JsonElement op, Func<int> baseLength) => TextUnicodeOps.Read(op, baseLength());

    public void WriteOp(Utf8JsonWriter writer, TextOperation change) => TextUnicodeOps.Write(writer, change);

    public int Length(string content) => CodePoints.Count(content);

    public int BaseLength(TextOperation change) => change.BaseLength;
}
