using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Collab.Api.Tests.CityDirectory;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Exams;

/// <summary>
/// PROTOCOL §7 over real HTTP: results by school, county, class and room, item analysis, the downloads, key changes
/// with their regrade and the audit log, and every refusal. A small city with two schools sits one exam.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExamAnalysisTests(SharedApiHost shared)
{
    private readonly DirectoryScenario _city = new(shared.Host);

    /// <summary>
    /// 王芳 sets the paper for class C1 (小明 and 小红 of 第一中学) and 小刚 of 乡村中学, named one by one. 小明 answers q1
    /// right (b); 小红 and 小刚 answer c; all three give a short answer and submit.
    /// </summary>
    private async Task<(TestUser Author, string ExamId)> SatAsync()
    {
        await _city.ImportCityAsync();
        var author = _city.As("wang", "teacher");
        var examId = await new ExamScenario(shared.Host).PublishedAsync(author, new
        {
            title = "全市统考",
            subject = "it",
            questions = ExamScenario.Paper(),
            opensAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            durationMinutes = 600,
            lateJoinMinutes = 600,
            roster = new[] { _city.Person("s3") },
            rosterClasses = new[] { $"C1-{_city.Tag}" },
        });
        foreach (var (student, single) in new[] { ("s1", "b"), ("s2", "c"), ("s3", "c") })
        {
            await using var client = await _city.As(student, "student").ConnectAsync(ExamScenario.Hub);
            await client.InvokeAsync("StartAttempt", examId);
            await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q1", single));
            await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 2, "q3", true));
            await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 3, "q5", "光合作用"));
            await client.InvokeAsync("Submit", examId);
        }
        return (author, examId);
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> PutKeyAsync(HttpClient http, string examId, string questionId, object body) =>
        http.PutAsJsonAsync($"/api/exams/{examId}/questions/{questionId}/key", body);

    private static List<(string Key, string Name, int Count, int Submitted)> Groups(JsonElement body) =>
        body.GetProperty("groups").EnumerateArray()
            .Select(g => (g.GetProperty("key").GetString()!, g.GetProperty("name").GetString()!, g.GetProperty("count").GetInt32(), g.GetProperty("submitted").GetInt32()))
            .ToList();

    [Fact]
    public async Task Results_carry_school_county_and_class_and_group_by_each_dimension()
    {
        var (author, examId) = await SatAsync();
        using var http = await author.HttpAsync();

        var results = await GetAsync(http, $"/api/exams/{examId}/results");
        var rows = results.GetProperty("students").EnumerateArray().ToDictionary(r => r.GetProperty("studentId").GetString()!);
        Assert.Equal(_city.School(1), rows[_city.Person("s1")].GetProperty("schoolCode").GetString());
        Assert.Equal(_city.County, rows[_city.Person("s1")].GetProperty("county").GetString());
        Assert.Equal($"C1-{_city.Tag}", rows[_city.Person("s1")].GetProperty("classId").GetString());
        Assert.Equal(_city.School(2), rows[_city.Person("s3")].GetProperty("schoolCode").GetString());
        Assert.Equal(JsonValueKind.Null, rows[_city.Person("s3")].GetProperty("classId").ValueKind);
        Assert.Empty(results.GetProperty("regrades").EnumerateArray());

        var bySchool = await GetAsync(http, $"/api/exams/{examId}/results/by?dimension=school");
        Assert.Equal([(_city.School(1), "第一中学", 2, 2), (_city.School(2), "乡村中学", 1, 1)], Groups(bySchool));
        var first = bySchool.GetProperty("groups")[0];
        Assert.Equal((3m, 3m, 4m, 2m), (first.GetProperty("mean").GetDecimal(), first.GetProperty("median").GetDecimal(),
            first.GetProperty("max").GetDecimal(), first.GetProperty("min").GetDecimal()));
        Assert.Equal([(_city.County, _city.County, 3, 3)], Groups(await GetAsync(http, $"/api/exams/{examId}/results/by?dimension=county")));
        Assert.Equal([("", "", 1, 1), ($"C1-{_city.Tag}", "七年级一班", 2, 2)], Groups(await GetAsync(http, $"/api/exams/{examId}/results/by?dimension=class")));
        Assert.Equal([("", "", 3, 3)], Groups(await GetAsync(http, $"/api/exams/{examId}/results/by?dimension=room")));
    }

    [Fact]
    public async Task Item_analysis_gives_each_questions_difficulty_discrimination_and_option_counts()
    {
        var (author, examId) = await SatAsync();
        using var http = await author.HttpAsync();

        var questions = (await GetAsync(http, $"/api/exams/{examId}/item-analysis")).GetProperty("questions").EnumerateArray()
            .ToDictionary(q => q.GetProperty("questionId").GetString()!);

        Assert.Equal(["q1", "q2", "q3", "q4", "q5"], questions.Keys);
        var q1 = questions["q1"];
        Assert.Equal(("single", 2m, 3), (q1.GetProperty("kind").GetString(), q1.GetProperty("maxPoints").GetDecimal(), q1.GetProperty("answered").GetInt32()));
        Assert.Equal(0.3333m, q1.GetProperty("difficulty").GetDecimal());
        Assert.Equal(1m, q1.GetProperty("discrimination").GetDecimal());
        Assert.Equal("""{"a":0,"b":1,"c":2}""", q1.GetProperty("optionCounts").GetRawText());
        Assert.Equal("""{"true":3,"false":0}""", questions["q3"].GetProperty("optionCounts").GetRawText());
        Assert.Equal(0, questions["q2"].GetProperty("answered").GetInt32());
        Assert.Equal(JsonValueKind.Null, questions["q4"].GetProperty("optionCounts").ValueKind);
        Assert.Equal(JsonValueKind.Null, questions["q5"].GetProperty("difficulty").ValueKind);
    }

    [Fact]
    public async Task A_key_change_regrades_the_results_shows_the_regrade_and_is_audited_with_the_marks()
    {
        var (author, examId) = await SatAsync();
        using var http = await author.HttpAsync();
        var task = await GetAsync(http, $"/api/exams/{examId}/marking/next?questionId=q5");
        var marked = await http.PostAsJsonAsync($"/api/exams/{examId}/marks", new { attemptRef = task.GetProperty("attemptRef").GetString(), questionId = "q5", points = 6 });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);

        var changed = await PutKeyAsync(http, examId, "q1", new { answer = "c", reason = "标准答案印错" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var regrade = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("q1", author.UserId, "标准答案印错"), (regrade.GetProperty("questionId").GetString(), regrade.GetProperty("by").GetString(), regrade.GetProperty("reason").GetString()));
        var results = await GetAsync(http, $"/api/exams/{examId}/results");
        var q1 = results.GetProperty("students").EnumerateArray().ToDictionary(r => r.GetProperty("studentId").GetString()!, r => r.GetProperty("perQuestion").GetProperty("q1").GetDecimal());
        Assert.Equal(0m, q1[_city.Person("s1")]);
        Assert.Equal(2m, q1[_city.Person("s2")]);
        Assert.Equal(2m, q1[_city.Person("s3")]);
        var shown = Assert.Single(results.GetProperty("regrades").EnumerateArray().ToList());
        Assert.Equal(("q1", "标准答案印错"), (shown.GetProperty("questionId").GetString(), shown.GetProperty("reason").GetString()));
        Assert.Equal("c", (await GetAsync(http, $"/api/exams/{examId}")).GetProperty("questions")[0].GetProperty("answer").GetString());

        var entries = (await GetAsync(http, $"/api/exams/{examId}/audit")).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["mark.recorded", "key.changed"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal(author.UserId, e.GetProperty("by").GetString()));
        Assert.All(entries, e => Assert.True(e.TryGetProperty("at", out _) && e.GetProperty("detail").GetString()!.Length > 0));
        Assert.Contains("标准答案印错", entries[1].GetProperty("detail").GetString());
        Assert.DoesNotContain(_city.Person("s"), entries[0].GetRawText());
    }

    [Fact]
    public async Task Key_changes_and_the_analysis_are_refused_with_the_protocols_codes_and_change_nothing()
    {
        var (author, examId) = await SatAsync();
        using var other = await _city.As("li", "teacher").HttpAsync();
        using var student = await _city.As("s1", "student").HttpAsync();
        using var http = await author.HttpAsync();
        var key = new { answer = "c", reason = "r" };

        await ProblemAssert.IsAsync(await PutKeyAsync(other, examId, "q1", key), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await PutKeyAsync(student, examId, "q1", key), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await PutKeyAsync(http, examId, "q1", new { answer = "c" }), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await PutKeyAsync(http, examId, "q1", new { answer = "c", reason = " " }), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await PutKeyAsync(http, examId, "q1", new { answer = "z", reason = "r" }), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await PutKeyAsync(http, examId, "q4", new { answer = new[] { new[] { "3" } }, reason = "r" }), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await PutKeyAsync(http, examId, "q5", new { answer = "光合作用", reason = "r" }), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await PutKeyAsync(http, examId, "q9", key), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await PutKeyAsync(http, "ex-none", "q1", key), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await http.GetAsync($"/api/exams/{examId}/results/by?dimension=grade"), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await http.GetAsync($"/api/exams/{examId}/results/by"), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await http.GetAsync($"/api/exams/{examId}/analysis.csv?dimension=grade"), HttpStatusCode.BadRequest, "invalid_argument");
        foreach (var path in new[] { "results/by?dimension=school", "item-analysis", "audit", "analysis.csv", "analysis.xlsx", "analysis.html" })
        {
            await ProblemAssert.IsAsync(await other.GetAsync($"/api/exams/{examId}/{path}"), HttpStatusCode.Forbidden, "forbidden");
            await ProblemAssert.IsAsync(await student.GetAsync($"/api/exams/{examId}/{path}"), HttpStatusCode.Forbidden, "forbidden");
        }

        var results = await GetAsync(http, $"/api/exams/{examId}/results");
        Assert.Empty(results.GetProperty("regrades").EnumerateArray());
        Assert.Equal("b", (await GetAsync(http, $"/api/exams/{examId}")).GetProperty("questions")[0].GetProperty("answer").GetString());
        Assert.Empty((await GetAsync(http, $"/api/exams/{examId}/audit")).GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task A_key_change_before_publishing_is_not_open_the_draft_is_edited_instead()
    {
        await _city.ImportCityAsync();
        var author = _city.As("wang", "teacher");
        var examId = await new ExamScenario(shared.Host).CreateAsync(author, ExamScenario.Spec([_city.As("s1", "student")], DateTimeOffset.UtcNow.AddHours(1)));
        using var http = await author.HttpAsync();
        await ProblemAssert.IsAsync(await PutKeyAsync(http, examId, "q1", new { answer = "c", reason = "r" }), HttpStatusCode.Conflict, "not_open");
    }

    [Fact]
    public async Task The_downloads_hold_both_schools_the_workbook_opens_with_closedxml_and_the_report_prints()
    {
        var (author, examId) = await SatAsync();
        using var http = await author.HttpAsync();

        var csv = await http.GetAsync($"/api/exams/{examId}/analysis.csv?dimension=school");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["dimension,key,name,count,submitted,mean,median,max,min", $"school,{_city.School(1)},第一中学,2,2,3,3,4,2", $"school,{_city.School(2)},乡村中学,1,1,2,2,2,2"], lines);

        var xlsx = await http.GetAsync($"/api/exams/{examId}/analysis.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using (var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())))
        {
            var bySchool = workbook.Worksheet("By school");
            Assert.Equal("第一中学", bySchool.Cell(2, 2).GetString());
            Assert.Equal(2, bySchool.Cell(2, 3).GetDouble());
            Assert.Equal("乡村中学", bySchool.Cell(3, 2).GetString());
            var students = workbook.Worksheet("Results");
            Assert.Equal(["studentId", "name", "status", "schoolCode", "county", "classId", "roomId", "score"], Enumerable.Range(1, 8).Select(c => students.Cell(1, c).GetString()));
            Assert.Equal(3, students.RangeUsed()!.RowCount() - 1);
            Assert.Equal("q1", workbook.Worksheet("Items").Cell(2, 1).GetString());
        }

        var html = await http.GetAsync($"/api/exams/{examId}/analysis.html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", html.Headers.GetValues("Content-Security-Policy").Single());
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("第一中学", page);
        Assert.Contains("乡村中学", page);
        Assert.Contains("全市统考", page);
        Assert.DoesNotContain("<script", page);
    }
}
