using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.CityDirectory;

/// <summary>Imports a small city for one test: its own school codes, county and people, so tests sharing one Api never meet.</summary>
public sealed class DirectoryScenario(ApiHost host)
{
    public string Tag { get; } = GroupScenario.Unique("c")[..14];

    public string County => $"县{Tag}";

    public string School(int n) => $"S{n}-{Tag}";

    public string Person(string id) => $"{id}-{Tag}";

    public TestUser Admin { get; } = host.User(GroupScenario.Unique("a"), "admin");

    public TestUser As(string id, string role) => host.User(Person(id), role);

    public async Task<HttpResponseMessage> PostJsonAsync(TestUser user, object body)
    {
        using var http = await user.HttpAsync();
        return await http.PostAsJsonAsync("/api/directory/import", body);
    }

    public async Task<JsonElement> ImportAsync(object body)
    {
        var response = await PostJsonAsync(Admin, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> PostCsvAsync(string kind, string csv, string? accept = null)
    {
        using var http = await Admin.HttpAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/directory/import?kind={kind}")
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }
        return await http.SendAsync(request);
    }

    /// <summary>Two schools of the county, two teachers, an admin and three students, one class.</summary>
    public Task<JsonElement> ImportCityAsync() => ImportAsync(new
    {
        schools = new[]
        {
            new { code = School(1), name = "第一中学", county = County },
            new { code = School(2), name = "乡村中学", county = County },
        },
        people = new object[]
        {
            new { userId = Person("wang"), name = "王芳", role = "teacher", schoolCode = School(1), subjects = new[] { "math" } },
            new { userId = Person("li"), name = "李娜", role = "teacher", schoolCode = School(2) },
            new { userId = Person("s1"), name = "小明", role = "student", schoolCode = School(1) },
            new { userId = Person("s2"), name = "小红", role = "student", schoolCode = School(1) },
            new { userId = Person("s3"), name = "小刚", role = "student", schoolCode = School(2) },
        },
        classes = new[]
        {
            new { id = $"C1-{Tag}", schoolCode = School(1), name = "七年级一班", grade = "7", teacherIds = new[] { Person("wang") }, studentIds = new[] { Person("s1"), Person("s2") } },
        },
    });

    public static IReadOnlyList<(string Kind, int Row, string Field)> Errors(JsonElement summary) =>
        summary.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString()!)).ToList();
}
