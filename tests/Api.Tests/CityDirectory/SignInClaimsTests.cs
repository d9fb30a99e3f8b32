using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.CityDirectory;

/// <summary>
/// PROTOCOL §6: the directory follows the name and school on the city platform's tokens; everyone else then sees the
/// directory's record. The development issuer's claims never reach it.
/// </summary>
public sealed class SignInClaimsTests
{
    private const string Issuer = "https://platform.city.example";
    private static readonly DateTimeOffset Expires = DateTimeOffset.UtcNow.AddHours(1);

    private static readonly object City = new
    {
        schools = new[]
        {
            new { code = "s-east", name = "东城中学", county = "东城区" },
            new { code = "s-west", name = "西城中学", county = "西城区" },
        },
        people = new[]
        {
            new { userId = "t-chen", name = "陈静", role = "teacher", schoolCode = "s-east" },
            new { userId = "t-zhou", name = "周强", role = "teacher", schoolCode = "s-east" },
        },
    };

    [Fact]
    public async Task A_platform_token_with_a_new_name_and_school_updates_the_directory_that_colleagues_read()
    {
        await using var host = await PlatformHostAsync();
        await ImportAsync(host, Token("a-admin", "admin", "管理员", "s-east"));

        using (var chen = Http(host, Token("t-chen", "teacher", "陈静怡", "s-west")))
        {
            Assert.Equal("陈静怡", (await MeAsync(chen)).GetProperty("name").GetString());
        }

        var seen = await PersonAsync(host, "t-chen");
        Assert.Equal(("陈静怡", "s-west", "西城中学", "西城区"), seen);
    }

    [Fact]
    public async Task A_school_the_directory_does_not_know_leaves_the_school_and_a_later_import_sets_the_record_back()
    {
        await using var host = await PlatformHostAsync();
        var admin = Token("a-admin", "admin", "管理员", "s-east");
        await ImportAsync(host, admin);

        using (var chen = Http(host, Token("t-chen", "teacher", "陈老师", "s-nowhere")))
        {
            await MeAsync(chen);
        }
        Assert.Equal(("陈老师", "s-east", "东城中学", "东城区"), await PersonAsync(host, "t-chen"));

        await ImportAsync(host, admin);
        Assert.Equal(("陈静", "s-east", "东城中学", "东城区"), await PersonAsync(host, "t-chen"));
    }

    [Fact]
    public async Task The_development_issuers_claims_never_change_the_directory()
    {
        await using var host = ApiHost.OnFreshFolder();
        await host.StartAsync();
        using (var admin = await host.User("a-admin", "admin").HttpAsync())
        {
            (await admin.PostAsJsonAsync("/api/directory/import", City)).EnsureSuccessStatusCode();
        }

        using (var chen = await host.User("t-chen", "teacher", name: "随便写的名字", school: "s-west").HttpAsync())
        {
            await MeAsync(chen);
        }

        using var zhou = await host.User("t-zhou", "teacher").HttpAsync();
        var found = await zhou.GetFromJsonAsync<JsonElement>("/api/directory/people?q=t-chen");
        var person = found.GetProperty("people").EnumerateArray().Single();
        Assert.Equal(("陈静", "s-east"), (person.GetProperty("name").GetString(), person.GetProperty("schoolCode").GetString()));
    }

    private static async Task<ApiHost> PlatformHostAsync()
    {
        var host = ApiHost.OnFreshFolder(new Dictionary<string, string?>
        {
            ["Collab:Auth:DevIssuer"] = "false",
            ["Collab:Auth:SigningKey"] = TestKeys.SigningKey,
            ["Collab:Auth:Issuer"] = Issuer,
        });
        await host.StartAsync();
        return host;
    }

    private static string Token(string userId, string role, string name, string school) =>
        TestTokens.SignPerson(userId, role, name, school, Issuer, Expires);

    private static HttpClient Http(ApiHost host, string token)
    {
        var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task ImportAsync(ApiHost host, string adminToken)
    {
        using var admin = Http(host, adminToken);
        (await admin.PostAsJsonAsync("/api/directory/import", City)).EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement> MeAsync(HttpClient http) => await http.GetFromJsonAsync<JsonElement>("/api/me");

    /// <summary>The record as a colleague finds it.</summary>
    private static async Task<(string?, string?, string?, string?)> PersonAsync(ApiHost host, string userId)
    {
        // The colleague's own claims match the directory, so their request changes nothing.
        using var zhou = Http(host, Token("t-zhou", "teacher", "周强", "s-east"));
        var found = await zhou.GetFromJsonAsync<JsonElement>($"/api/directory/people?q={userId}");
        var person = found.GetProperty("people").EnumerateArray().Single();
        return (person.GetProperty("name").GetString(), person.GetProperty("schoolCode").GetString(),
            person.GetProperty("schoolName").GetString(), person.GetProperty("county").GetString());
    }
}
