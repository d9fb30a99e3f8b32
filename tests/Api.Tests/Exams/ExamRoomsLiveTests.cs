using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Collab.Api.Tests.CityDirectory;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Exams;

/// <summary>PROTOCOL §7 live: two schools' rooms, and what each room's proctor and candidate hear on the real clock.</summary>
[Collection(ExamApiCollection.Name)]
public sealed class ExamRoomsLiveTests(ExamApiHost shared)
{
    private readonly ExamScenario _exams = new(shared.Host);
    private readonly DirectoryScenario _city = new(shared.Host);
    private readonly Dictionary<string, TestUser> _users = [];

    private TestUser Wang => As("wang", "teacher");

    private TestUser Li => As("li", "teacher");

    private TestUser S(int n) => As($"s{n}", "student");

    private TestUser As(string id, string role)
    {
        if (!_users.TryGetValue(id, out var user))
        {
            _users[id] = user = _city.As(id, role);
        }
        return user;
    }

    private async Task<(TestUser Author, string ExamId)> PublishedAsync()
    {
        await _city.ImportCityAsync();
        var author = _exams.Teacher();
        return (author, await _exams.PublishedAsync(author, new
        {
            title = "全市信息技术统考",
            subject = "it",
            questions = ExamScenario.Paper(),
            opensAt = DateTimeOffset.UtcNow.AddSeconds(-1),
            durationMinutes = 60,
            lateJoinMinutes = 60,
            rooms = new object[]
            {
                new { id = "A", name = "第一中学 第1考场", proctorIds = new[] { _city.Person("wang") }, classIds = new[] { $"C1-{_city.Tag}" } },
                new { id = "B", name = "乡村中学 第1考场", proctorIds = new[] { _city.Person("li") }, studentIds = new[] { _city.Person("s3") } },
            },
        }));
    }

    private static List<string?> Roster(JsonElement joined) =>
        joined.GetProperty("snapshot").GetProperty("students").EnumerateArray().Select(s => s.GetProperty("studentId").GetString()).ToList();

    private static bool Mentions(JsonElement e, string studentId) =>
        e.GetProperty("data").GetProperty("students").EnumerateArray().Any(s => s.GetProperty("studentId").GetString() == studentId);

    [Fact]
    public async Task Each_proctor_sees_and_hears_their_own_room_only()
    {
        var (author, examId) = await PublishedAsync();
        await using var wang = await Wang.ConnectAsync(ExamScenario.Hub);
        await using var li = await Li.ConnectAsync(ExamScenario.Hub);
        await using var overseer = await author.ConnectAsync(ExamScenario.Hub);
        Assert.Equal([_city.Person("s1"), _city.Person("s2")], Roster(await wang.InvokeAsync("Join", examId)));
        Assert.Equal([_city.Person("s3")], Roster(await li.InvokeAsync("Join", examId)));
        Assert.Equal(3, Roster(await overseer.InvokeAsync("Join", examId)).Count);

        await using var s3 = await S(3).ConnectAsync(ExamScenario.Hub);
        await s3.InvokeAsync("StartAttempt", examId);
        await li.WaitForAsync(e => e.GetProperty("type").GetString() == "progress.updated" && Mentions(e, _city.Person("s3")));
        await using var s1 = await S(1).ConnectAsync(ExamScenario.Hub);
        await s1.InvokeAsync("StartAttempt", examId);
        var forWang = await wang.WaitForAsync(e => e.GetProperty("type").GetString() == "progress.updated" && Mentions(e, _city.Person("s1")));
        Assert.Equal(1, forWang.GetProperty("data").GetProperty("counts").GetProperty("absent").GetInt32());
        await overseer.WaitForAsync(e => e.GetProperty("type").GetString() == "progress.updated" && Mentions(e, _city.Person("s1")));
        Assert.DoesNotContain(wang.EventsOfType("progress.updated"), e => Mentions(e, _city.Person("s3")));

        var toA = await wang.InvokeAsync("Announce", examId, new { text = "一中考生请关闭手机" });
        Assert.Equal("A", toA.GetProperty("roomId").GetString());
        await s1.WaitForTypeAsync("announcement", data => data.GetProperty("text").GetString() == "一中考生请关闭手机");
        await overseer.InvokeAsync("Announce", examId, "全体考生：还有30分钟");
        await s3.WaitForTypeAsync("announcement", data => data.GetProperty("text").GetString() == "全体考生：还有30分钟");
        Assert.DoesNotContain(s3.EventsOfType("announcement"), e => e.GetProperty("data").GetProperty("text").GetString() == "一中考生请关闭手机");
        await li.WaitForTypeAsync("announcement", data => data.GetProperty("text").GetString() == "全体考生：还有30分钟");
        Assert.DoesNotContain(li.EventsOfType("announcement"), e => e.GetProperty("data").GetProperty("text").GetString() == "一中考生请关闭手机");

        var results = await ExamScenario.ResultsAsync(author, examId);
        Assert.Equal("B", ExamScenario.StudentRow(results, S(3)).GetProperty("roomId").GetString());
        Assert.Equal("A", ExamScenario.StudentRow(results, S(2)).GetProperty("roomId").GetString());
    }

    [Fact]
    public async Task A_rooms_proctor_may_not_change_a_key_and_the_workbook_names_each_students_room()
    {
        var (author, examId) = await PublishedAsync();
        await using (var s3 = await S(3).ConnectAsync(ExamScenario.Hub))
        {
            await s3.InvokeAsync("StartAttempt", examId);
            await s3.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q1", "c"));
            await s3.InvokeAsync("Submit", examId);
        }

        using var wangHttp = await Wang.HttpAsync();
        await ProblemAssert.IsAsync(await wangHttp.PutAsJsonAsync($"/api/exams/{examId}/questions/q1/key", new { answer = "c", reason = "监考认为答案印错" }),
            HttpStatusCode.Forbidden, "forbidden");
        var results = await ExamScenario.ResultsAsync(author, examId);
        Assert.Equal(0, ExamScenario.StudentRow(results, S(3)).GetProperty("perQuestion").GetProperty("q1").GetDecimal());
        Assert.Equal(0, results.GetProperty("regrades").GetArrayLength());

        using var http = await author.HttpAsync();
        using var workbook = new XLWorkbook(new MemoryStream(await http.GetByteArrayAsync($"/api/exams/{examId}/analysis.xlsx")));
        var sheet = workbook.Worksheet("Results");
        Assert.Equal("roomId", sheet.Cell(1, 7).GetString());
        var rooms = Enumerable.Range(2, sheet.RangeUsed()!.RowCount() - 1).ToDictionary(row => sheet.Cell(row, 1).GetString(), row => sheet.Cell(row, 7).GetString());
        Assert.Equal(new Dictionary<string, string> { [_city.Person("s1")] = "A", [_city.Person("s2")] = "A", [_city.Person("s3")] = "B" }, rooms);
    }
}
