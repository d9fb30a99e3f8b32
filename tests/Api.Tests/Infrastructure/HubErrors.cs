using Microsoft.AspNetCore.SignalR;

namespace Collab.Api.Tests.Infrastructure;

public static class HubErrors
{
    /// <summary>Asserts the call is refused with the protocol error code, and returns the message.</summary>
    public static async Task<string> AssertRefusedAsync(string code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HubException>(call);
        Assert.StartsWith(code + ": ", error.Message);
        return error.Message;
    }
}
