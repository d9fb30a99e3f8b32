using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.CityDirectory;

/// <summary>PROTOCOL §6, reading the directory: who may search, prefixes and filters, pages, a class for its teachers, the caller's own view.</summary>
[Collection(ApiCollection.Name)]
public sealed class DirectorySearchTests(SharedApiHost shared)
{
    private readonly DirectoryScenario _city = new(shared.Host);

    [Fact]
    public async Task A_teacher_finds_people_by_name_or_id_prefix_school_and_role_page_by_page()
    {
        await _city.ImportCityAsync();
        using var http = await _city.As("wang", "teacher").HttpAsync();

        var byName = await http.GetFromJsonAsync<JsonElement>($"/api/directory/people?q={Uri.EscapeDataString("小")}&county={Uri.EscapeDataString(_city.County)}");
        Assert.Equal(["小刚", "小明", "小红"], byName.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
        var byId = await http.GetFromJsonAsync<JsonElement>($"/api/directory/people?q={_city.Person("l")[..1]}&school={_city.School(2)}&role=teacher");
        Assert.Equal([_city.Person("li")], byId.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("userId").GetString()));

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/directory/people?county={Uri.EscapeDataString(_city.County)}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.True(page.GetProperty("people").GetArrayLength() <= 2);
            seen.AddRange(page.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("userId").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(5, seen.Count);
    }

    [Fact]
    public async Task A_student_may_not_search_people_and_bad_filters_are_refused()
    {
        using var student = await _city.As("s1", "student").HttpAsync();
        await ProblemAssert.IsAsync(await student.GetAsync("/api/directory/people?q=a"), HttpStatusCode.Forbidden, "forbidden");

        using var teacher = await _city.As("t", "teacher").HttpAsync();
        await ProblemAssert.IsAsync(await teacher.GetAsync("/api/directory/people?limit=0"), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await teacher.GetAsync("/api/directory/people?role=principal"), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await teacher.GetAsync("/api/directory/people?cursor=forged"), HttpStatusCode.BadRequest, "invalid_argument");
    }

    [Fact]
    public async Task Schools_are_listed_by_county_and_a_class_is_shown_to_its_teachers_only()
    {
        await _city.ImportCityAsync();
        using var wang = await _city.As("wang", "teacher").HttpAsync();

        var schools = await wang.GetFromJsonAsync<JsonElement>($"/api/directory/schools?county={Uri.EscapeDataString(_city.County)}");
        Assert.Equal([(_city.School(1), "第一中学"), (_city.School(2), "乡村中学")],
            schools.GetProperty("schools").EnumerateArray().Select(s => (s.GetProperty("code").GetString(), s.GetProperty("name").GetString())));

        var klass = await wang.GetFromJsonAsync<JsonElement>($"/api/directory/classes/C1-{_city.Tag}");
        Assert.Equal(("七年级一班", "7", _city.School(1)), (klass.GetProperty("name").GetString(), klass.GetProperty("grade").GetString(), klass.GetProperty("schoolCode").GetString()));
        Assert.Equal([_city.Person("wang")], klass.GetProperty("teacherIds").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal([("小明", _city.Person("s1")), ("小红", _city.Person("s2"))],
            klass.GetProperty("students").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("userId").GetString())).Order());

        using var li = await _city.As("li", "teacher").HttpAsync();
        await ProblemAssert.IsAsync(await li.GetAsync($"/api/directory/classes/C1-{_city.Tag}"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await wang.GetAsync($"/api/directory/classes/none-{_city.Tag}"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Me_is_the_directorys_record_with_the_callers_classes_and_the_tokens_when_it_holds_none()
    {
        await _city.ImportCityAsync();
        using var student = await _city.As("s1", "student").HttpAsync();

        var me = await student.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(("小明", "student", "第一中学", _city.County), (me.GetProperty("name").GetString(), me.GetProperty("role").GetString(),
            me.GetProperty("schoolName").GetString(), me.GetProperty("county").GetString()));
        Assert.Equal([($"C1-{_city.Tag}", "七年级一班")], me.GetProperty("classes").EnumerateArray().Select(c => (c.GetProperty("id").GetString(), c.GetProperty("name").GetString())));

        using var stranger = await shared.Host.User(_city.Person("new"), "teacher", name: "新老师").HttpAsync();
        var unknown = await stranger.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("新老师", unknown.GetProperty("name").GetString());
        Assert.Empty(unknown.GetProperty("classes").EnumerateArray());
    }
}
