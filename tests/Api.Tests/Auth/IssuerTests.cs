using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Collab.Api.Auth;
using Collab.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Collab.Api.Tests.Auth;

/// <summary>With a signing key, a token must also name the configured issuer: the key alone does not make it ours.</summary>
public sealed class IssuerTests
{
    private const string Issuer = "https://collab.city.example";

    [Fact]
    public async Task A_token_signed_with_the_key_is_refused_unless_it_names_the_configured_issuer()
    {
        await using var host = ApiHost.OnFreshFolder(new Dictionary<string, string?>
        {
            ["Collab:Auth:DevIssuer"] = "false",
            ["Collab:Auth:SigningKey"] = TestKeys.SigningKey,
            ["Collab:Auth:Issuer"] = Issuer,
        });
        await host.StartAsync();
        var expires = DateTimeOffset.UtcNow.AddMinutes(10);

        Assert.Equal(HttpStatusCode.OK, await MyGroupsAsync(host, TestTokens.Sign("t-iss", "teacher", Issuer, expires)));
        await ProblemAssert.IsAsync(await MyGroupsResponseAsync(host, TestTokens.Sign("t-iss", "teacher", "https://elsewhere.example", expires)),
            HttpStatusCode.Unauthorized, "unauthorized");
        await ProblemAssert.IsAsync(await MyGroupsResponseAsync(host, TestTokens.Sign("t-iss", "teacher", issuer: null, expires)),
            HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public void The_development_issuer_writes_the_configured_issuer_and_audience()
    {
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestKeys.SigningKey));
        var issuer = new TokenIssuer(enabled: true, key, Issuer, "collab-web");

        var token = new JwtSecurityTokenHandler().ReadJwtToken(
            issuer.Issue(new DevTokenRequest("t-1", "王老师", "teacher", "3301001", "西湖区"), DateTimeOffset.UtcNow));

        Assert.Equal(Issuer, token.Issuer);
        Assert.Equal(["collab-web"], token.Audiences);
    }

    private static async Task<HttpStatusCode> MyGroupsAsync(ApiHost host, string token) => (await MyGroupsResponseAsync(host, token)).StatusCode;

    private static async Task<HttpResponseMessage> MyGroupsResponseAsync(ApiHost host, string token)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.GetAsync("/api/me/groups");
    }
}
