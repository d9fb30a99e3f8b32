using Collab.Client;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Bench;

/// <summary>One editor of the coedit scenario: a member of the plan's group, with its own connection and OT session.</summary>
public sealed class BenchEditor(int plan, int index, string planId, BenchMember member)
{
    public int Plan => plan;
    public int Index => index;
    public string PlanId => planId;
    public BenchMember Member => member;
    public string ClientId => member.ClientId;
    public HubConnection? Connection { get; set; }
    public LessonPrepSession? Session { get; set; }

    /// <summary>Scheduled times of this editor's edits that no sent op carries yet; touched only under the session's lock.</summary>
    public List<long> Unsent { get; } = [];

    /// <summary>Where this editor types; used only under the session's lock.</summary>
    public Random Random { get; } = new(plan * 1000 + index);
}
