using Collab.Api.Live;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;

namespace Collab.Api.Groups;

public sealed record PostMessageRequest(string? ClientId, long ClientSeq, [property: FreeText] string? Text);

/// <summary>Hub of PROTOCOL §1 at <c>/hubs/groups</c>; Join, Leave and Sync come from <see cref="LiveHub{THub,TGrain}"/>.</summary>
public sealed class GroupsHub(IGrainFactory grains, LiveStreamBridge<GroupsHub, IGroupGrain> bridge)
    : LiveHub<GroupsHub, IGroupGrain>(grains, bridge)
{
    public Task<MessagePosted> PostMessage(string groupId, PostMessageRequest request) =>
        Grain(groupId).PostMessageAsync(Caller, Command(request.ClientId, request.ClientSeq), request.Text ?? "");
}
