using System.Text.Json;
using Collab.Ot;

namespace Collab.Client;

/// <summary>A plain-text section: ops over its text in code points (PROTOCOL §2).</summary>
public sealed class TextSectionFormat : ISectionFormat<TextOperation, string>
{
    public static TextSectionFormat Instance { get; } = new();

    public string Field => "ops";

    public string Apply(TextOperation change, string content) => change.Apply(content);

    public TextOperation Compose(TextOperation first, TextOperation second) => TextOperation.Compose(first, second);

    // The first side of TextOperation.Transform goes first on a tie, as the server orders inserts.
    public (TextOperation Server, TextOperation Client) Transform(TextOperation server, TextOperation client) =>
        TextOperation.Transform(server, client);

    public TextOperation Read(JsonElement wire) => TextOperation.Parse(wire);

    public object Write(TextOperation change) => change.ToWire();

    public string Content(JsonElement section) => section.GetProperty("text").GetString()!;
}
