using System.Collections.Concurrent;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;
using Collab.Grains.Interfaces.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Api.Tests.Hosting;

/// <summary>
/// On a co-hosted node a grain hands its events to the node's own bridge directly: clients get every event, in order,
/// and the runtime carries no observer call for them (a node in another process is still pushed to through Orleans,
/// which the cluster tests exercise).
/// </summary>
public sealed class InProcessDeliveryTests
{
    [Fact]
    public async Task A_co_hosted_grain_reaches_its_own_node_without_an_observer_call()
    {
        var calls = new OutgoingCallRecorder();
        await using var host = ApiHost.OnFreshFolder(configure: builder => builder.Services.AddSingleton<IOutgoingGrainCallFilter>(calls));
        await host.StartAsync();
        var scenario = new GroupScenario(host);
        var leader = host.User("leader-inproc");
        var reader = host.User("reader-inproc");
        var id = await scenario.CreateGroupAsync(leader);
        await scenario.AddMemberAsync(leader, id, reader);
        await using var readerClient = await reader.ConnectAsync("/hubs/groups");
        var seq = (await readerClient.InvokeAsync("Join", id)).GetProperty("seq").GetInt64();
        await using var author = await leader.ConnectAsync("/hubs/groups");
        await author.InvokeAsync("Join", id);

        for (var i = 1; i <= 5; i++)
        {
            await author.InvokeAsync("PostMessage", id, GroupScenario.Message("a", i, $"message {i}"));
        }

        var received = await readerClient.WaitForCountAsync("message.posted", 5);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => seq + i), received.Select(e => e.GetProperty("seq").GetInt64()));
        Assert.True(calls.Count("PostMessageAsync") >= 5, "the recorder sees the hub's grain calls");
        Assert.Equal(0, calls.Count(nameof(ILiveStreamObserver.OnEventAsync)));
    }

    private sealed class OutgoingCallRecorder : IOutgoingGrainCallFilter
    {
        private readonly ConcurrentDictionary<string, int> _byMethod = new();

        public int Count(string method) => _byMethod.GetValueOrDefault(method);

        public Task Invoke(IOutgoingGrainCallContext context)
        {
            if (context.InterfaceMethod is { } method)
            {
                _byMethod.AddOrUpdate(method.Name, 1, (_, count) => count + 1);
            }
            return context.Invoke();
        }
    }
}
