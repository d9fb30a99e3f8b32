using Collab.Ot;

namespace Collab.Client;

/// <summary>
/// The OT client state machine for one section of a plan, without any transport (the three states of ot.js): at most
/// one op in flight, later local edits composed into a buffer, and the plan's <c>op.applied</c> events processed in
/// revision order whatever order they arrive in. Someone else's op is transformed against what is pending here (server
/// op first, as the server orders inserts); one's own (this user's, under this client id and seq: command ids are per
/// user, so a colleague's op under a copied client id is someone else's) is the acknowledgement that lets the buffer go.
/// Not thread-safe.
/// </summary>
public sealed class SectionEditor(string userId, string clientId, string section, long revision, string text, long lastClientSeq = 0)
{
    private readonly SortedDictionary<long, OpApplied> _early = [];
    private TextOperation? _buffer;
    private long _lastClientSeq = lastClientSeq;

    public string UserId { get; } = userId;

    public string ClientId { get; } = clientId;

    public string Section { get; } = section;

    /// <summary>The plan revision this editor's view has processed every op up to.</summary>
    public long Revision { get; private set; } = revision;

    /// <summary>The section's text with every local edit applied, sent or not.</summary>
    public string Text { get; private set; } = text;

    /// <summary>The op sent and not yet seen applied, transformed to apply on <see cref="Revision"/>.</summary>
    public OutgoingOp? InFlight { get; private set; }

    public bool Idle => InFlight is null && _buffer is null;

    /// <summary>True while an event later than the next one has arrived and the next one has not (a gap to Sync).</summary>
    public bool Waiting => _early.Count > 0;

    /// <summary>Applies a local edit of <see cref="Text"/> at once; returns the op to send now, or null when it was buffered.</summary>
    /// <exception cref="OtException">the edit does not span the current text.</exception>
    public OutgoingOp? Edit(TextOperation operation)
    {
        Text = operation.Apply(Text);
        if (InFlight is null)
        {
            InFlight = new OutgoingOp(ClientId, ++_lastClientSeq, Section, Revision, operation);
            return InFlight;
        }
        _buffer = _buffer is null ? operation : TextOperation.Compose(_buffer, operation);
        return null;
    }

    /// <summary>
    /// Takes an <c>op.applied</c> of the plan (any section, any order, repeats ignored); returns the op to send now if
    /// an acknowledgement let the buffer go.
    /// </summary>
    public OutgoingOp? Receive(OpApplied applied)
    {
        if (applied.Revision <= Revision)
        {
            return null;
        }
        _early[applied.Revision] = applied;
        OutgoingOp? send = null;
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
    public OutgoingOp? Resend() => InFlight is null ? null : InFlight = InFlight with { BaseRevision = Revision };

    private OutgoingOp? Process(OpApplied applied)
    {
        Revision = applied.Revision;
        if (InFlight is not null && applied.UserId == UserId && applied.ClientId == ClientId && applied.ClientSeq == InFlight.ClientSeq)
        {
            InFlight = null;
            if (_buffer is null)
            {
                return null;
            }
            InFlight = new OutgoingOp(ClientId, ++_lastClientSeq, Section, Revision, _buffer);
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
            (server, var pending) = TextOperation.Transform(server, InFlight.Operation);
            InFlight = InFlight with { Operation = pending };
        }
        if (_buffer is not null)
        {
            (server, _buffer) = TextOperation.Transform(server, _buffer);
        }
        Text = server.Apply(Text);
        return null;
    }
}
