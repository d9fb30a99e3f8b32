using Collab.Ot;

namespace Collab.Bench.ShareDb;

/// <summary>An op to submit: the connection's sequence number for it, the version it was made on, and the op.</summary>
public sealed record ShareDbSubmit(long Seq, long Version, TextOperation Operation);

/// <summary>
/// One client's copy of a ShareDB text document, kept the way ShareDB's own client keeps it: one op in flight, later
/// edits composed into one pending op, incoming ops transformed against both. ShareDB breaks an insert-insert tie in
/// favour of the client's op (its client and its server both call <c>transform(clientOp, serverOp, 'left')</c>), so the
/// own op is the first side of <see cref="TextOperation.Transform"/>, whose first side goes first. Not thread-safe: the
/// caller holds one lock around every call.
/// </summary>
public sealed class ShareDbDocument(string text, long version, long lastSeq)
{
    private ShareDbSubmit? _inflight;
    private TextOperation? _pending;
    private long _seq = lastSeq;

    public string Text { get; private set; } = text;

    /// <summary>The server version the text is at: the number of ops applied to the document, its creation included.</summary>
    public long Version { get; private set; } = version;

    public bool Idle => _inflight is null && _pending is null;

    /// <summary>Applies a local edit; returns the op to submit now, or null when it waits composed behind the op in flight.</summary>
    public ShareDbSubmit? Edit(TextOperation operation)
    {
        Text = operation.Apply(Text);
        if (_inflight is not null)
        {
            _pending = _pending is null ? operation : TextOperation.Compose(_pending, operation);
            return null;
        }
        _inflight = new ShareDbSubmit(++_seq, Version, operation);
        return _inflight;
    }

    /// <summary>
    /// The server committed the op in flight at <paramref name="version"/>; returns the pending op, which now goes out.
    /// Every op committed before it came first on the same socket, so the version must be the one this copy is at.
    /// </summary>
    /// <exception cref="InvalidOperationException">No op is in flight, or the acknowledgement is for another.</exception>
    public ShareDbSubmit? Acknowledge(long seq, long version)
    {
        if (_inflight is null || _inflight.Seq != seq || version != Version)
        {
            throw new InvalidOperationException(
                $"acknowledgement of seq {seq} at v{version}, but {(_inflight is null ? "nothing is in flight" : $"seq {_inflight.Seq} is")} at v{Version}");
        }
        Version++;
        _inflight = null;
        if (_pending is null)
        {
            return null;
        }
        _inflight = new ShareDbSubmit(++_seq, Version, _pending);
        _pending = null;
        return _inflight;
    }

    /// <summary>
    /// Another client's op committed at <paramref name="version"/>, in ot-text-unicode form (<paramref name="read"/> turns it
    /// into an op on a text of the given length); returns false for one this copy already has (the subscription may
    /// repeat ops older than the snapshot).
    /// </summary>
    /// <exception cref="InvalidOperationException">An op is missing between this copy's version and <paramref name="version"/>.</exception>
    public bool ApplyRemote(long version, Func<int, TextOperation> read)
    {
        if (version < Version)
        {
            return false;
        }
        if (version > Version)
        {
            throw new InvalidOperationException($"op at v{version} while this copy is at v{Version}: ops are missing");
        }
        // The server's op was made on the text without the own ops still unacknowledged.
        var server = read(ServerTextLength());
        if (_inflight is not null)
        {
            var (own, rest) = TextOperation.Transform(_inflight.Operation, server);
            _inflight = _inflight with { Operation = own };
            server = rest;
        }
        if (_pending is not null)
        {
            (_pending, server) = TextOperation.Transform(_pending, server);
        }
        Text = server.Apply(Text);
        Version++;
        return true;
    }

    private int ServerTextLength() => _inflight?.Operation.BaseLength ?? CodePoints.Count(Text);
}
