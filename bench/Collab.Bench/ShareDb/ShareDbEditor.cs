using System.Text.Json;
using Collab.Ot;

namespace Collab.Bench.ShareDb;

/// <summary>
/// One editor of the coedit scenario on ShareDB: its own connection, subscribed to its plan's document, and its copy
/// of it (<see cref="IShareDbCopy"/>); reports what it sends and applies to the measurement.
/// </summary>
public sealed class ShareDbEditor(int plan, int index, string documentId, ShareDbConnection connection, Func<CoeditMeasurement?> measurement)
    : ICoeditEditor
{
    public const string Collection = "plans";

    private readonly Lock _gate = new();
    private IShareDbCopy? _document;

    public int Plan => plan;
    public int Index => index;
    public string DocumentId => documentId;
    public ShareDbConnection Connection => connection;
    public string ClientId => connection.Id;
    public List<long> Unsent { get; } = [];
    public Random Random { get; } = new(plan * 1000 + index);

    /// <summary>The copy's content in canonical form, its version, and whether all its own ops are acknowledged.</summary>
    public (string Content, long Version, bool Idle) State
    {
        get
        {
            lock (_gate)
            {
                return (_document!.Description, _document.Version, _document.Idle);
            }
        }
    }

    /// <summary>The server's content in this editor's canonical form.</summary>
    public string Describe(JsonElement snapshotData)
    {
        lock (_gate)
        {
            return _document!.Describe(snapshotData);
        }
    }

    /// <summary>Starts editing from the document as the subscription (or the creation) left it.</summary>
    public void Start(IShareDbCopy document)
    {
        lock (_gate)
        {
            _document = document;
        }
        connection.OpReceived = OnOp;
    }

    public void Edit(Func<string, TextOperation> edit)
    {
        lock (_gate)
        {
            Submit(_document!.Edit(edit, index));
        }
    }

    /// <summary>An acknowledgement (no op in it) or another client's op.</summary>
    private void OnOp(JsonElement message)
    {
        var version = message.GetProperty("v").GetInt64();
        var src = message.GetProperty("src").GetString()!;
        var seq = message.GetProperty("seq").GetInt64();
        if (message.TryGetProperty("op", out var op))
        {
            bool applied;
            lock (_gate)
            {
                applied = _document!.ApplyRemote(version, op);
            }
            if (applied)
            {
                measurement()?.OnApplied(this, src, seq);
            }
            return;
        }
        if (message.TryGetProperty("create", out _) || message.TryGetProperty("del", out _))
        {
            throw new InvalidOperationException("the document was created or deleted again while being edited");
        }
        lock (_gate)
        {
            Submit(_document!.Acknowledge(seq, version));
        }
        measurement()?.OnApplied(this, ClientId, seq);
    }

    /// <summary>Under the lock, so the measurement learns which edits an op carries before anybody can receive it.</summary>
    private void Submit(ShareDbSubmit? submit)
    {
        if (submit is null)
        {
            return;
        }
        measurement()?.OnSent(this, submit.Seq);
        connection.Send("op", writer =>
        {
            writer.WriteString("c", Collection);
            writer.WriteString("d", documentId);
            writer.WriteNumber("v", submit.Version);
            writer.WriteNumber("seq", submit.Seq);
            writer.WritePropertyName("op");
            submit.WriteOp(writer);
        });
    }
}
