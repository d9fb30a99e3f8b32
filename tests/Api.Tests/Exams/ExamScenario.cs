using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Exams;

/// <summary>Authors, candidates and a paper with one question of each kind, for the exam tests.</summary>
public sealed class ExamScenario(ApiHost host)
{
    public const string Hub = "/hubs/exam";

    public TestUser Teacher() => host.User(GroupScenario.Unique("t"), "teacher");

    public TestUser Student(string? name = null) => host.User(GroupScenario.Unique("s"), "student", name);

    public TestUser Admin() => host.User(GroupScenario.Unique("a"), "admin");

    /// <summary>q1 single (2), q2 multiple with partial credit (4), q3 true/false (2), q4 two-blank fill (4), q5 short (8): 20 points.</summary>
    public static object[] Paper() =>
    [
        new { id = "q1", kind = "single", points = 2, stem = "1+1=?", options = new[] { new { id = "a", text = "1" }, new { id = "b", text = "2" }, new { id = "c", text = "3" } }, answer = "b" },
        new { id = "q2", kind = "multiple", points = 4, partialPoints = 2, stem = "哪些是质数?", options = new[] { new { id = "a", text = "2" }, new { id = "b", text = "4" }, new { id = "c", text = "5" } }, answer = new[] { "a", "c" } },
        new { id = "q3", kind = "truefalse", points = 2, stem = "地球是圆的", answer = true },
        new { id = "q4", kind = "fill", points = 4, stem = "__ 加 __", answer = new[] { new[] { "3", "三" }, new[] { "90°", "90" } } },
        new { id = "q5", kind = "short", points = 8, stem = "简述光合作用", reference = "光能转化为化学能" },
    ];

    public static object Spec(IEnumerable<TestUser> roster, DateTimeOffset opensAt, int durationMinutes = 600, int? lateJoinMinutes = null,
        bool shuffle = false, object[]? questions = null, object? marking = null, IEnumerable<string>? markers = null) => new
    {
        title = "信息技术期末考试",
        subject = "it",
        questions = questions ?? Paper(),
        opensAt,
        durationMinutes,
        lateJoinMinutes = lateJoinMinutes ?? durationMinutes,
        roster = roster.Select(s => s.UserId).ToArray(),
        shuffleQuestions = shuffle,
        shuffleOptions = shuffle,
        marking,
        markers,
    };

    public async Task<string> CreateAsync(TestUser author, object spec)
    {
        using var http = await author.HttpAsync();
        var response = await http.PostAsJsonAsync("/api/exams", spec);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<string> PublishedAsync(TestUser author, object spec)
    {
        var id = await CreateAsync(author, spec);
        using var http = await author.HttpAsync();
        var published = await http.PostAsync($"/api/exams/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return id;
    }

    public static async Task<JsonElement> ResultsAsync(TestUser author, string examId)
    {
        using var http = await author.HttpAsync();
        return await http.GetFromJsonAsync<JsonElement>($"/api/exams/{examId}/results");
    }

    public static object Answer(string clientId, long clientSeq, string questionId, object? answer) =>
        new { clientId, clientSeq, questionId, answer };

    public static JsonElement StudentRow(JsonElement results, TestUser student) =>
        results.GetProperty("students").EnumerateArray().Single(s => s.GetProperty("studentId").GetString() == student.UserId);
}
