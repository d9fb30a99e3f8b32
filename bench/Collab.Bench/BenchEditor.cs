using Collab.Client;
using Collab.Ot;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Bench;

/// <summary>One editor of the coedit scenario: a member of the plan's group, with its own connection and OT session.</summary>
public sealed class BenchEditor(int plan, int index, string planId, BenchMember member) : ICoeditEditor
{
    public int Plan => plan;
    public int Index => index;
    public string PlanId => planId;
    public BenchMember Member => member;
    public string ClientId => member.ClientId;
    public HubConnection? Connection { get; set; }
    public LessonPrepSession? Session { get; set; }

    public List<long> Unsent { get; } = [];

    public Random Random { get; } = new(plan * 1000 + index);

    public void Edit(Func<string, TextOperation> edit) => Session!.Edit(edit);
}
