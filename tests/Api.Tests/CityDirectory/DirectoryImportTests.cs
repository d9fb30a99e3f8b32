using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.CityDirectory;

/// <summary>PROTOCOL §6, the import: upsert by key, idempotent, errors per row while good rows are kept, refusals that store nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class DirectoryImportTests(SharedApiHost shared)
{
    private readonly DirectoryScenario _city = new(shared.Host);

    private async Task<IReadOnlyList<JsonElement>> PeopleAsync(string query)
    {
        using var http = await shared.Host.User(_city.Person("reader"), "teacher").HttpAsync();
        var page = await http.GetFromJsonAsync<JsonElement>("/api/directory/people?" + query);
        return page.GetProperty("people").EnumerateArray().ToList();
    }

    [Fact]
    public async Task A_city_imports_and_importing_the_same_file_again_changes_nothing()
    {
        var first = await _city.ImportCityAsync();
        Assert.Equal((2, 5, 1), (first.GetProperty("schools").GetInt32(), first.GetProperty("people").GetInt32(), first.GetProperty("classes").GetInt32()));
        Assert.Empty(first.GetProperty("errors").EnumerateArray());
        var before = await PeopleAsync($"county={Uri.EscapeDataString(_city.County)}&limit=50");

        var again = await _city.ImportCityAsync();

        Assert.Empty(again.GetProperty("errors").EnumerateArray());
        var after = await PeopleAsync($"county={Uri.EscapeDataString(_city.County)}&limit=50");
        Assert.Equal(before.Select(p => p.GetRawText()), after.Select(p => p.GetRawText()));
        Assert.Equal(5, after.Count);
        var wang = after.Single(p => p.GetProperty("userId").GetString() == _city.Person("wang"));
        Assert.Equal(("王芳", "teacher", _city.School(1), "第一中学", _city.County),
            (wang.GetProperty("name").GetString(), wang.GetProperty("role").GetString(), wang.GetProperty("schoolCode").GetString(),
                wang.GetProperty("schoolName").GetString(), wang.GetProperty("county").GetString()));
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_kind_row_and_field_and_the_good_rows_are_kept()
    {
        var summary = await _city.ImportAsync(new
        {
            schools = new[] { new { code = _city.School(1), name = "第一中学", county = _city.County } },
            people = new object[]
            {
                new { userId = _city.Person("ok"), name = "张伟", role = "teacher", schoolCode = _city.School(1) },
                new { userId = _city.Person("nos"), name = "无校", role = "teacher", schoolCode = "no-such-school" },
                new { userId = _city.Person("ok"), name = "重复", role = "teacher", schoolCode = _city.School(1) },
                new { userId = _city.Person("role"), name = "校长", role = "principal", schoolCode = _city.School(1) },
                new { userId = 42, name = "数字", role = "teacher", schoolCode = _city.School(1) },
                new { userId = _city.Person("ok2"), name = "刘洋", role = "student", schoolCode = _city.School(1) },
            },
        });

        Assert.Equal(2, summary.GetProperty("people").GetInt32());
        Assert.Equal(
            [("people", 2, "schoolCode"), ("people", 3, "userId"), ("people", 4, "role"), ("people", 5, "userId")],
            DirectoryScenario.Errors(summary).OrderBy(e => e.Row));
        var stored = await PeopleAsync($"school={_city.School(1)}");
        Assert.Equal([_city.Person("ok"), _city.Person("ok2")], stored.Select(p => p.GetProperty("userId").GetString()).Order());
        Assert.Equal("张伟", stored.Single(p => p.GetProperty("userId").GetString() == _city.Person("ok")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_csv_of_people_imports_with_lists_and_row_errors_and_streams_its_progress()
    {
        await _city.ImportAsync(new { schools = new[] { new { code = _city.School(1), name = "第一中学", county = _city.County } } });
        var csv = new StringBuilder("userId,name,role,schoolCode,subjects\n");
        for (var i = 0; i < 1200; i++)
        {
            csv.Append($"{_city.Person($"p{i:D4}")},教师{i},teacher,{(i == 700 ? "unknown" : _city.School(1))},math;physics\n");
        }

        var response = await _city.PostCsvAsync("people", csv.ToString(), accept: "application/x-ndjson");

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var progress = lines.SkipLast(1).Select(line => line.GetProperty("progress")).ToList();
        Assert.True(progress.Count >= 3, $"{progress.Count} progress lines");
        Assert.All(progress, p => Assert.Equal(1200, p.GetProperty("total").GetInt32()));
        Assert.Equal(progress.Select(p => p.GetProperty("done").GetInt32()).Order(), progress.Select(p => p.GetProperty("done").GetInt32()));
        Assert.Equal(1200, progress[^1].GetProperty("done").GetInt32());
        var result = lines[^1].GetProperty("result");
        Assert.Equal(1199, result.GetProperty("people").GetInt32());
        Assert.Equal([("people", 701, "schoolCode")], DirectoryScenario.Errors(result));
        Assert.Equal("教师1", Assert.Single(await PeopleAsync($"q={_city.Person("p0001")}")).GetProperty("name").GetString());
        Assert.Empty(await PeopleAsync($"q={_city.Person("p0700")}"));
    }

    [Fact]
    public async Task A_csv_with_a_wrong_header_is_refused_and_stores_nothing()
    {
        await _city.ImportAsync(new { schools = new[] { new { code = _city.School(1), name = "第一中学", county = _city.County } } });

        var response = await _city.PostCsvAsync("people", $"userId,fullName,role,schoolCode\n{_city.Person("h")},某人,teacher,{_city.School(1)}\n");

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid_argument");
        Assert.Empty(await PeopleAsync($"q={_city.Person("h")}"));
    }

    [Fact]
    public async Task Malformed_json_after_good_rows_stores_none_of_them()
    {
        using var http = await _city.Admin.HttpAsync();
        var body = $$"""{"schools":[{"code":"{{_city.School(1)}}","name":"第一中学","county":"x"}],"people":[{"userId":"{{_city.Person("m")}}","name":"某","role":"teacher","schoolCode":"{{_city.School(1)}}"},""";

        var response = await http.PostAsync("/api/directory/import", new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid_argument");
        using var reader = await shared.Host.User(_city.Person("reader"), "teacher").HttpAsync();
        var schools = await reader.GetFromJsonAsync<JsonElement>("/api/directory/schools?county=x");
        Assert.DoesNotContain(schools.GetProperty("schools").EnumerateArray(), s => s.GetProperty("code").GetString() == _city.School(1));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_too_large_and_a_teacher_may_not_import()
    {
        using var http = await _city.Admin.HttpAsync();
        // The refusal comes before the body is read; without waiting for 100-continue the client would still be sending.
        http.DefaultRequestHeaders.ExpectContinue = true;
        var huge = new ByteArrayContent(new byte[41 * 1024 * 1024]);
        huge.Headers.ContentType = new("text/csv");
        await ProblemAssert.IsAsync(await http.PostAsync("/api/directory/import?kind=people", huge), HttpStatusCode.RequestEntityTooLarge, "too_large");

        var teacher = await _city.PostJsonAsync(_city.As("t", "teacher"), new { schools = new[] { new { code = _city.School(9), name = "x", county = "y" } } });
        await ProblemAssert.IsAsync(teacher, HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await _city.PostCsvAsync("rooms", "a\n"), HttpStatusCode.BadRequest, "invalid_argument");
    }
}
