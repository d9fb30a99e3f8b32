using System.Text.Json;
using Collab.Ot;

namespace Collab.Bench.ShareDb;

/// <summary>A ShareDB OT type as a client copy needs it: its name, how its ops apply, compose, transform and travel.</summary>
public interface IShareDbType<TChange, TContent> where TChange : class
{
    string Uri { get; }

    /// <summary>The creation's <c>data</c>: an empty document.</summary>
    void WriteEmpty(Utf8JsonWriter writer);

    TContent Read(JsonElement snapshotData);

    /// <summary>The plain text the coedit load types into, and the form two copies are compared in.</summary>
    string Text(TContent content);

    /// <summary>A canonical form of the content: two copies are equal when these are.</summary>
    string Describe(TContent content);

    /// <summary>A typed edit of the plain text as this type's op, formatted as <paramref name="editor"/> types.</summary>
    TChange FromText(TextOperation edit, int editor);

    TContent Apply(TChange change, TContent content);

    TChange Compose(TChange first, TChange second);

    /// <summary>
    /// The own op in flight or pending, and the server's made concurrently: both transformed to apply after the other,
    /// with the tie broken as ShareDB's client and server break it for this type.
    /// </summary>
    (TChange Own, TChange Server) Transform(TChange own, TChange server);

    /// <summary>An op from the server, made on content of <paramref name="baseLength"/> (ot-text-unicode leaves its trailing skip out).</summary>
    TChange ReadOp(JsonElement op, Func<int> baseLength);

    void WriteOp(Utf8JsonWriter writer, TChange change);

    int Length(TContent content);

    int BaseLength(TChange change);
}
