using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Collab.Api.Tests.Live;

/// <summary>
/// A member removed while their Join was between the grain's answer and this node's registration of the connection:
/// the revoking event passed the node before the connection was there to be cut off, so the Join must not stand.
/// </summary>
public sealed class JoinRevocationRaceTests
{
    [Fact]
    public async Task A_member_removed_while_their_join_was_on_its_way_is_refused_and_receives_nothing()
    {
        var hold = new JoinHold();
        await using var host = ApiHost.OnFreshFolder(configure: builder => builder.Services.AddSingleton<IOutgoingGrainCallFilter>(hold));
        await host.StartAsync();
        var scenario = new GroupScenario(host);
        var leader = scenario.Teacher("county-a");
        var removed = scenario.Teacher("county-b");
        var id = await scenario.CreateGroupAsync(leader);
        await scenario.AddMemberAsync(leader, id, removed);
        await using var author = await leader.ConnectAsync("/hubs/groups");
        await author.InvokeAsync("Join", id);
        await using var late = await removed.ConnectAsync("/hubs/groups");

        var answered = hold.Arm(removed.UserId);
        var joining = HubErrors.AssertRefusedAsync("not_member", () => late.InvokeAsync("Join", id));
        await answered.WaitAsync(TimeSpan.FromSeconds(30));
        using (var http = await leader.HttpAsync())
        {
            Assert.True((await http.DeleteAsync($"/api/groups/{id}/members/{removed.UserId}")).IsSuccessStatusCode);
        }
        await author.WaitForTypeAsync("member.removed");
        hold.Release();

        await joining;
        await author.InvokeAsync("PostMessage", id, GroupScenario.Message("leader-tab", 1, "移出之后"));
        await author.WaitForTypeAsync("message.posted");
        // A round trip on the removed member's connection: anything sent to it before has arrived once it answers.
        await HubErrors.AssertRefusedAsync("not_member", () => late.InvokeAsync("Sync", id, 0L));
        Assert.Empty(late.EventsOfType("message.posted"));
    }

    /// <summary>Holds the answer of one user's next Join on its way back to the hub, until released.</summary>
    private sealed class JoinHold : IOutgoingGrainCallFilter
    {
        private string? _userId;
        private TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Arm(string userId)
        {
            _answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _userId, userId);
            return _answered.Task;
        }

        public void Release() => _release.TrySetResult();

        public async Task Invoke(IOutgoingGrainCallContext context)
        {
            // Read before the call: the request's arguments are gone once it has been answered.
            var caller = context.InterfaceMethod?.Name == nameof(ILiveStreamGrain.JoinAsync) ? context.Request.GetArgument(0) as Caller : null;
            await context.Invoke();
            if (caller is not null
                && caller.UserId == Volatile.Read(ref _userId)
                && Interlocked.CompareExchange(ref _userId, null, caller.UserId) == caller.UserId)
            {
                _answered.TrySetResult();
                await _release.Task;
            }
        }
    }
}
