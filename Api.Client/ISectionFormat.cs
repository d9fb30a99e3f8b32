using System.Text.Json;

namespace Collab.Client;

/// <summary>
/// What the OT client needs of a section's format (PROTOCOL §2 plain text, §9 rich): how its changes apply, compose and
/// transform, and how they and the content travel. One client state machine serves both formats through it.
/// </summary>
/// <typeparam name="TChange">A change of the section (text ops, a Quill Delta).</typeparam>
/// <typeparam name="TContent">The section's content (its text, a Delta document).</typeparam>
public interface ISectionFormat<TChange, TContent> where TChange : notnull
{
    /// <summary>The field of <c>SubmitOp</c> and <c>op.applied</c> that carries a change: <c>ops</c> or <c>delta</c>.</summary>
    string Field { get; }

    TContent Apply(TChange change, TContent content);

    TChange Compose(TChange first, TChange second);

    /// <summary>
    /// Two changes made on the same content: the server's, already applied there, and the client's. Returns the server's
    /// change to apply after the client's and the client's to apply after the server's; on a tie the server's goes first.
    /// </summary>
    (TChange Server, TChange Client) Transform(TChange server, TChange client);

    TChange Read(JsonElement wire);

    /// <summary>The change as the hub's request object carries it (serialized by SignalR as JSON).</summary>
    object Write(TChange change);

    /// <summary>The content of a section of the <c>Join</c> snapshot.</summary>
    TContent Content(JsonElement section);
}
