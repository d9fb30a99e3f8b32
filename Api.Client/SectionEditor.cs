using Collab.Ot;
using Collab.Ot.Rich;

namespace Collab.Client;

/// <summary>
/// The OT client state machine for one section of a plan, without any transport (the three states of ot.js): at most
/// one op in flight, later local edits composed into a buffer, and the plan's <c>op.applied</c> events processed in
/// revision order whatever order they arrive in. Someone else's op is transformed against what is pending here (server
/// op first, as the server orders inserts); one's own (this user's, under this client id and seq: command ids are per
/// user, so a colleague's op under a copied client id is someone else's) is the acknowledgement that lets the buffer go.
/// Not thread-safe.
/// </summary>
public class SectionEditor<TChange, TContent>(ISectionFormat<TChange, TContent> format, string userId, string clientId, string section,
    long revision, TContent content, long lastClientSeq = 0)
    where TChange : class
{
    private readonly SortedDictionary<long, OpApplied<TChange>> _early = [];
    private TChange? _buffer;
    private long _lastClientSeq = lastClientSeq;

    public string UserId { get; } = userId;

    public string ClientId { get; } = clientId;

    public string Section { get; } = section;

    /// <summary>The plan revision this editor's view has processed every op up to.</summary>
    public long Revision { get; private set; } = revision;

    /// <summary>The section's content with every local edit applied, sent or not.</summary>
    public TContent Content { get; private set; } = content;

    /// <summary>The op sent and not yet seen applied, transformed to apply on <see cref="Revision"/>.</summary>
    public OutgoingOp<TChange>? InFlight { get; private set; }

    public bool Idle => InFlight is null && _buffer is null;

    /// <summary>True while an event later than the next one has arrived and the next one has not (a gap to Sync).</summary>
    public bool Waiting => _early.Count > 0;

    /// <summary>Applies a local edit of <see cref="Content"/> at once; returns the op to send now, or null when it was buffered.</summary>
    /// <exception cref="OtException">the edit does not span the current content.</exception>
    public OutgoingOp<TChange>? Edit(TChange operation)
    {
        Content = format.Apply(operation, Content);
        if (InFlight is null)
        {
            InFlight = new OutgoingOp<TChange>(ClientId, ++_lastClientSeq, Section, Revision, operation);
            return InFlight;
        }
        _buffer = _buffer is null ? operation : format.Compose(_buffer, operation);
        return null;
    }

    /// <summary>
    /// Takes an <c>op.applied</c> of the plan (any section, any order, repeats ignored); returns the op to send now if
    /// an acknowledgement let the buffer go.
    /// </summary>
    public OutgoingOp<TChange>? Receive(OpApplied<TChange> applied)
    {
        if (applied.Revision <= Revision)
        {
            return null;
        }
        _early[applied.Revision] = applied;
        OutgoingOp<TChange>? send = null;
        while (_early.Remove(Revision + 1, out var next))
        {
            send = Process(next) ?? send;
        }
        return send;
    }

    /// <summary>
    /// The op in flight again, for after a reconnect or a failed call: same <c>clientSeq</c>, so a server that already
    /// applied it answers with its first result, and made on the current revision it has been transformed to.
    /// </summary>
    public OutgoingOp<TChange>? Resend() => InFlight is null ? null : InFlight = InFlight with { BaseRevision = Revision };

    private OutgoingOp<TChange>? Process(OpApplied<TChange> applied)
    {
        Revision = applied.Revision;
        if (InFlight is not null && applied.UserId == UserId && applied.ClientId == ClientId && applied.ClientSeq == InFlight.ClientSeq)
        {
            InFlight = null;
            if (_buffer is null)
            {
                return null;
            }
            InFlight = new OutgoingOp<TChange>(ClientId, ++_lastClientSeq, Section, Revision, _buffer);
            _buffer = null;
            return InFlight;
        }
        if (applied.Section != Section)
        {
            return null;
        }
        var server = applied.Operation;
        if (InFlight is not null)
        {
            (server, var pending) = format.Transform(server, InFlight.Operation);
            InFlight = InFlight with { Operation = pending };
        }
        if (_buffer is not null)
        {
            (server, _buffer) = format.Transform(server, _buffer);
        }
        Content = format.Apply(server, Content);
        return null;
    }
}

/// <summary>The client state machine of a plain-text section (PROTOCOL §2).</summary>
public sealed class SectionEditor(string userId, string clientId, string section, long revision, string text, long lastClientSeq = 0)
    : SectionEditor<TextOperation, string>(TextSectionFormat.Instance, userId, clientId, section, revision, text, lastClientSeq)
{
    public string Text => Content;
}

/// <summary>The client state machine of a rich section (PROTOCOL §9): Delta changes, transformed as quill-delta does.</summary>
public sealed class RichSectionEditor(string userId, string clientId, string section, long revision, Delta content, long lastClientSeq = 0)
    : SectionEditor<Delta, Delta>(RichSectionFormat.Instance, userId, clientId, section, revision, content, lastClientSeq);
