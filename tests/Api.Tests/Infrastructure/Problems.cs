using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Collab.Api.Tests.Infrastructure;

public static class ProblemAssert
{
    /// <summary>Asserts an RFC 7807 problem with the status and a <c>type</c> ending in the protocol code.</summary>
    public static async Task IsAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith("/" + code, problem.GetProperty("type").GetString());
    }
}
