using System.Text.Json;
using Collab.Ot;

namespace Collab.Bench.ShareDb;

/// <summary>An op to submit: the connection's sequence number for it, the version it was made on, and how to write the op.</summary>
public sealed record ShareDbSubmit(long Seq, long Version, Action<Utf8JsonWriter> WriteOp);

/// <summary>What a coedit editor needs of its copy of a ShareDB document, whatever the document's type.</summary>
public interface IShareDbCopy
{
    /// <summary>The copy's content in canonical form (<see cref="IShareDbType{TChange,TContent}.Describe"/>).</summary>
    string Description { get; }

    /// <summary>The server version the copy is at: the number of ops applied to the document, its creation included.</summary>
    long Version { get; }

    bool Idle { get; }

    /// <summary>Applies a local edit of the plain text; returns the op to submit now, or null when it waits composed behind the op in flight.</summary>
    ShareDbSubmit? Edit(Func<string, TextOperation> edit, int editor);

    /// <summary>
    /// The server committed the op in flight at <paramref name="version"/>; returns the pending op, which now goes out.
    /// Every op committed before it came first on the same socket, so the version must be the one this copy is at.
    /// </summary>
    /// <exception cref="InvalidOperationException">No op is in flight, or the acknowledgement is for another.</exception>
    ShareDbSubmit? Acknowledge(long seq, long version);

    /// <summary>
    /// Another client's op committed at <paramref name="version"/>; returns false for one this copy already has (the
    /// subscription may repeat ops older than the snapshot).
    /// </summary>
    /// <exception cref="InvalidOperationException">An op is missing between this copy's version and <paramref name="version"/>.</exception>
    bool ApplyRemote(long version, JsonElement op);

    /// <summary>The server's content in this copy's canonical form.</summary>
    string Describe(JsonElement snapshotData);
}

/// <summary>
/// One client's copy of a ShareDB document, kept the way ShareDB's own client keeps it: one op in flight, later edits
/// composed into one pending op, incoming ops transformed against both, ties broken as the type says. Not thread-safe:
/// the caller holds one lock around every call.
/// </summary>
public sealed class ShareDbDocument<TChange, TContent>(IShareDbType<TChange, TContent> type, TContent content, long version, long lastSeq)
    : IShareDbCopy
    where TChange : class
{
    private (long Seq, long Version, TChange Operation)? _inflight;
    private TChange? _pending;
    private long _seq = lastSeq;

    public TContent Content { get; private set; } = content;

    public string Description => type.Describe(Content);

    public long Version { get; private set; } = version;

    public bool Idle => _inflight is null && _pending is null;

    public ShareDbSubmit? Edit(Func<string, TextOperation> edit, int editor)
    {
        var operation = type.FromText(edit(type.Text(Content)), editor);
        Content = type.Apply(operation, Content);
        if (_inflight is not null)
        {
            _pending = _pending is null ? operation : type.Compose(_pending, operation);
            return null;
        }
        return Submit(operation);
    }

    public ShareDbSubmit? Acknowledge(long seq, long version)
    {
        if (_inflight is not { } inflight || inflight.Seq != seq || version != Version)
        {
            throw new InvalidOperationException(
                $"acknowledgement of seq {seq} at v{version}, but {(_inflight is { } other ? $"seq {other.Seq} is" : "nothing is in flight")} at v{Version}");
        }
        Version++;
        _inflight = null;
        if (_pending is null)
        {
            return null;
        }
        var pending = _pending;
        _pending = null;
        return Submit(pending);
    }

    public bool ApplyRemote(long version, JsonElement op)
    {
        if (version < Version)
        {
            return false;
        }
        if (version > Version)
        {
            throw new InvalidOperationException($"op at v{version} while this copy is at v{Version}: ops are missing");
        }
        // The server's op was made on the content without the own ops still unacknowledged.
        var server = type.ReadOp(op, () => _inflight is { } inflight ? type.BaseLength(inflight.Operation) : type.Length(Content));
        if (_inflight is { } sent)
        {
            var (own, rest) = type.Transform(sent.Operation, server);
            _inflight = sent with { Operation = own };
            server = rest;
        }
        if (_pending is not null)
        {
            (_pending, server) = type.Transform(_pending, server);
        }
        Content = type.Apply(server, Content);
        Version++;
        return true;
    }

    public string Describe(JsonElement snapshotData) => type.Describe(type.Read(snapshotData));

    private ShareDbSubmit Submit(TChange operation)
    {
        _inflight = (++_seq, Version, operation);
        return new ShareDbSubmit(_seq, Version, writer => type.WriteOp(writer, operation));
    }
}
