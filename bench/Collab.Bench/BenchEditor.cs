using Collab.Client;
using Collab.Ot;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Bench;

/// <summary>
/// One editor of the coedit scenario: a member of the plan's group, with its own connection and OT session on a text
/// section or, when <paramref name="rich"/>, on a rich one (its typing made into Quill Deltas by <see cref="RichEdits"/>).
/// </summary>
public sealed class BenchEditor(int plan, int index, string planId, BenchMember member, bool rich) : ICoeditEditor
{
    private LessonPrepSession? _text;
    private RichLessonPrepSession? _rich;

    public int Plan => plan;
    public int Index => index;
    public string PlanId => planId;
    public BenchMember Member => member;
    public string ClientId => member.ClientId;
    public HubConnection? Connection { get; set; }

    public List<long> Unsent { get; } = [];

    public Random Random { get; } = new(plan * 1000 + index);

    /// <summary>The session's failed calls so far (it recovers from them by itself).</summary>
    public int Errors => _text?.Errors.Count ?? _rich?.Errors.Count ?? 0;

    /// <summary>Joins the plan on the open <see cref="Connection"/>; <paramref name="sent"/> and <paramref name="applied"/> take client seq numbers.</summary>
    public async Task JoinAsync(string section, Action<long> sent, Action<string, long> applied, CancellationToken cancellation)
    {
        if (rich)
        {
            _rich = await RichLessonPrepSession.JoinAsync(Connection!, planId, section, ClientId, cancellationToken: cancellation);
            _rich.Sent = op => sent(op.ClientSeq);
            _rich.Applied = op => applied(op.ClientId, op.ClientSeq);
        }
        else
        {
            _text = await LessonPrepSession.JoinAsync(Connection!, planId, section, ClientId, cancellationToken: cancellation);
            _text.Sent = op => sent(op.ClientSeq);
            _text.Applied = op => applied(op.ClientId, op.ClientSeq);
        }
    }

    public void Edit(Func<string, TextOperation> edit)
    {
        if (_rich is { } session)
        {
            session.Edit(document => RichEdits.FromText(edit(RichEdits.PlainText(document)), index));
        }
        else
        {
            _text!.Edit(edit);
        }
    }

    public void Leave()
    {
        _text?.Dispose();
        _rich?.Dispose();
    }
}
