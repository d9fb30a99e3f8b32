using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Collab.Ot;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Bench.Baseline;

/// <summary>
/// <c>/hubs/lessonprep</c> of B1 and B2: Join, Leave, Sync and SubmitOp with Collab's shapes. An op is transformed and
/// applied by the project's OT under the plan's lock, written to the op log (B2 only) and broadcast to the plan's group
/// before it is acknowledged, the lock held throughout so the plan's events leave in seq order. No membership or phase
/// checks, no rate limits, no cluster.
/// </summary>
public sealed class LessonPrepHub(LessonPlans plans, BaselineMode mode, OpLogWriter opLog) : Hub
{
    private const string OpApplied = "op.applied";

    // As Collab writes its op log: web casing, Chinese text unescaped.
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public override Task OnConnectedAsync()
    {
        HubCaller.Remember(Context);
        return Task.CompletedTask;
    }

    public async Task<LessonJoinReply> Join(string id)
    {
        var plan = Plan(id);
        await plan.Gate.WaitAsync();
        try
        {
            // Under the lock: no op is broadcast between joining the group and reading the seq the snapshot is at.
            await Groups.AddToGroupAsync(Context.ConnectionId, id);
            return new LessonJoinReply(plan.Seq, WireTime.Now(), Snapshot(plan, HubCaller.Of(Context)));
        }
        finally
        {
            plan.Gate.Release();
        }
    }

    public Task Leave(string id) => Groups.RemoveFromGroupAsync(Context.ConnectionId, id);

    public async Task<SyncReply> Sync(string id, long sinceSeq)
    {
        var plan = Plan(id);
        await plan.Gate.WaitAsync();
        try
        {
            return plan.EventsAfter(sinceSeq) is { } events
                ? new SyncReply(events, null, null)
                : new SyncReply([], Snapshot(plan, HubCaller.Of(Context)), plan.Seq);
        }
        finally
        {
            plan.Gate.Release();
        }
    }

    public async Task<OpAcceptedReply> SubmitOp(string id, SubmitOpRequest request)
    {
        var plan = Plan(id);
        var clientId = request.ClientId ?? throw new HubException("invalid_argument: clientId is required");
        var section = request.Section ?? throw new HubException("invalid_argument: section is required");
        var operation = Parse(request.Ops);
        var user = HubCaller.Of(Context);
        await plan.Gate.WaitAsync();
        try
        {
            if (plan.Acknowledged(clientId, request.ClientSeq) is { } revision)
            {
                return new OpAcceptedReply(revision);
            }
            TextOperation rebased;
            try
            {
                rebased = plan.Apply(section, request.BaseRevision, operation);
            }
            catch (Exception refusal) when (refusal is ArgumentException or OtException)
            {
                throw new HubException($"invalid_argument: {refusal.Message}");
            }
            var at = WireTime.Now();
            var ops = rebased.ToWire();
            var data = new OpAppliedData(plan.Revision, section, ops, user, clientId, request.ClientSeq);
            var accepted = new OpAcceptedReply(plan.Revision);
            var envelope = plan.Record(OpApplied, at, data, clientId, request.ClientSeq);
            // A failed write leaves the op applied in memory and fails the call: a baseline measures the write, it is no store.
            if (mode.WritesOps)
            {
                await opLog.AppendAsync(id, envelope.Seq, plan.Revision, section, JsonSerializer.Serialize(ops, Web), user, clientId,
                    request.ClientSeq, JsonSerializer.Serialize(accepted, Web), JsonSerializer.Serialize(data, Web), DateTimeOffset.UtcNow);
            }
            await Clients.Group(id).SendAsync("Event", envelope);
            return accepted;
        }
        finally
        {
            plan.Gate.Release();
        }
    }

    private PlanDocument Plan(string id)
    {
        if (!mode.KeepsDocuments)
        {
            throw new HubException("unavailable: B0 keeps no documents; run the baseline with --mode b1 or b2 for co-editing");
        }
        try
        {
            return plans.Get(id);
        }
        catch (ArgumentException missing)
        {
            throw new HubException($"not_found: {missing.Message}");
        }
    }

    private static LessonSnapshot Snapshot(PlanDocument plan, string you) =>
        new(plan.Id, plan.Revision, you, LessonPlans.Sections.Select(s => new SectionSnapshot(s.Key, s.Title, plan.Sections[s.Key])).ToList());

    /// <summary>JSON gives a JsonElement; MessagePack an object array whose integers have the smallest type that fits.</summary>
    private static TextOperation Parse(object? ops)
    {
        try
        {
            return ops switch
            {
                JsonElement json => TextOperation.Parse(json),
                IReadOnlyList<object?> list => TextOperation.Parse(list.Select(item => item is string or null ? item : (object)Convert.ToInt64(item)).ToList()),
                _ => throw new OtException("ops are required"),
            };
        }
        catch (Exception refusal) when (refusal is OtException or InvalidCastException or OverflowException)
        {
            throw new HubException($"invalid_argument: {refusal.Message}");
        }
    }
}
