using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.CityDirectory;
using Collab.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collab.Api.Tests.Exams;

/// <summary>
/// PROTOCOL §7 through the real hub and REST: two schools' rooms, each with its own proctor from the directory, who
/// sees, announces to and acts on their room alone; every refusal; a pause and resume moving the deadline on a clock
/// the test moves; accommodations. The live roster of each room is in <see cref="ExamRoomsLiveTests"/>, on the real
/// clock that drives the proctors' pushes.
/// </summary>
public sealed class ExamRoomsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ApiHost _host;
    private readonly ExamScenario _exams;
    private DirectoryScenario _city = null!;

    public ExamRoomsTests()
    {
        _host = ApiHost.OnFreshFolder(new Dictionary<string, string?>
        {
            ["Collab:Live:NodeSweepInterval"] = "01:00:00",
            ["Collab:Exams:ProgressInterval"] = "00:00:00.200",
        }, builder => builder.Services.AddSingleton<TimeProvider>(_clock));
        _exams = new ExamScenario(_host);
    }

    /// <summary>The city's admin is a user of the started host, so the directory comes after the start.</summary>
    public async Task InitializeAsync()
    {
        await _host.StartAsync();
        _city = new DirectoryScenario(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private readonly Dictionary<string, TestUser> _users = [];

    private TestUser Wang => As("wang", "teacher");

    private TestUser Li => As("li", "teacher");

    private TestUser S(int n) => As($"s{n}", "student");

    /// <summary>One user (and token) per person for the whole test: a token issued after the clock moved would not be valid yet.</summary>
    private TestUser As(string id, string role)
    {
        if (!_users.TryGetValue(id, out var user))
        {
            _users[id] = user = _city.As(id, role);
        }
        return user;
    }

    /// <summary>Room A of school 1 seats class C1 (s1, s2) under 王芳; room B of school 2 seats s3 under 李娜.</summary>
    private object Spec(object[]? rooms = null) => new
    {
        title = "全市信息技术统考",
        subject = "it",
        questions = ExamScenario.Paper(),
        opensAt = _clock.GetUtcNow().AddSeconds(-1),
        durationMinutes = 60,
        lateJoinMinutes = 60,
        rooms = rooms ??
        [
            new { id = "A", name = "第一中学 第1考场", proctorIds = new[] { _city.Person("wang") }, classIds = new[] { $"C1-{_city.Tag}" } },
            new { id = "B", name = "乡村中学 第1考场", proctorIds = new[] { _city.Person("li") }, studentIds = new[] { _city.Person("s3") } },
        ],
    };

    private async Task<(TestUser Author, string ExamId)> PublishedAsync()
    {
        await _city.ImportCityAsync();
        var author = _exams.Teacher();
        return (author, await _exams.PublishedAsync(author, Spec()));
    }

    private static List<string?> Roster(JsonElement joined) =>
        joined.GetProperty("snapshot").GetProperty("students").EnumerateArray().Select(s => s.GetProperty("studentId").GetString()).ToList();

    [Fact]
    public async Task A_proctor_outside_the_room_is_forbidden_every_method_and_the_wrong_states_have_clear_codes()
    {
        var (author, examId) = await PublishedAsync();
        await using var wang = await Wang.ConnectAsync(ExamScenario.Hub);
        await using var s3 = await S(3).ConnectAsync(ExamScenario.Hub);
        await s3.InvokeAsync("StartAttempt", examId);
        var s3Id = _city.Person("s3");

        await HubErrors.AssertRefusedAsync("forbidden", () => wang.InvokeAsync("Pause", examId, new { studentId = s3Id, reason = "可疑" }));
        await HubErrors.AssertRefusedAsync("forbidden", () => wang.InvokeAsync("Resume", examId, new { studentId = s3Id }));
        await HubErrors.AssertRefusedAsync("forbidden", () => wang.InvokeAsync("ExtendTime", examId, new { studentId = s3Id, minutes = 5, reason = "机器故障" }));
        await HubErrors.AssertRefusedAsync("forbidden", () => wang.InvokeAsync("ForceSubmit", examId, s3Id));
        await HubErrors.AssertRefusedAsync("forbidden", () => wang.InvokeAsync("Announce", examId, new { text = "越权通知", roomId = "B" }));
        using var wangHttp = await Wang.HttpAsync();
        await ProblemAssert.IsAsync(await wangHttp.PostAsJsonAsync($"/api/exams/{examId}/accommodations", new { studentId = _city.Person("s1"), extraMinutes = 10 }), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await wangHttp.GetAsync($"/api/exams/{examId}/results"), HttpStatusCode.Forbidden, "forbidden");

        await using var li = await Li.ConnectAsync(ExamScenario.Hub);
        await HubErrors.AssertRefusedAsync("conflict", () => li.InvokeAsync("Resume", examId, new { studentId = s3Id }));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => li.InvokeAsync("ExtendTime", examId, new { studentId = s3Id, minutes = 5 }));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => li.InvokeAsync("Pause", examId, new { studentId = s3Id, reason = " " }));
        await s3.InvokeAsync("Submit", examId);
        await HubErrors.AssertRefusedAsync("closed", () => li.InvokeAsync("Pause", examId, new { studentId = s3Id, reason = "迟到" }));
        using var authorHttp = await author.HttpAsync();
        await ProblemAssert.IsAsync(await authorHttp.PostAsJsonAsync($"/api/exams/{examId}/accommodations", new { studentId = s3Id, extraMinutes = 10 }), HttpStatusCode.Conflict, "closed");

        using var liHttp = await Li.HttpAsync();
        var log = await liHttp.GetFromJsonAsync<JsonElement>($"/api/exams/{examId}/irregularities");
        Assert.Equal(0, log.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task A_pause_and_resume_add_the_paused_time_and_the_log_is_scoped_to_the_room()
    {
        var (author, examId) = await PublishedAsync();
        await using var li = await Li.ConnectAsync(ExamScenario.Hub);
        await li.InvokeAsync("Join", examId);
        await using var s3 = await S(3).ConnectAsync(ExamScenario.Hub);
        var deadline = (await s3.InvokeAsync("StartAttempt", examId)).GetProperty("deadline").GetDateTimeOffset();
        await using var s1 = await S(1).ConnectAsync(ExamScenario.Hub);
        await s1.InvokeAsync("StartAttempt", examId);
        await s1.InvokeAsync("ReportFocus", examId, new { lost = true, at = _clock.GetUtcNow() });

        await li.InvokeAsync("Pause", examId, new { studentId = _city.Person("s3"), reason = "机器故障，更换座位" });
        Assert.Equal("机器故障，更换座位", (await s3.WaitForTypeAsync("attempt.paused")).GetProperty("data").GetProperty("cause").GetString());
        await li.WaitForTypeAsync("irregularity.recorded");
        _clock.Advance(TimeSpan.FromMinutes(12));
        var line = await li.InvokeAsync("Resume", examId, new { studentId = _city.Person("s3") });
        Assert.Equal(deadline.AddMinutes(12), line.GetProperty("deadline").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        var resumed = await s3.WaitForTypeAsync("attempt.resumed");
        Assert.Equal(deadline.AddMinutes(12), resumed.GetProperty("data").GetProperty("deadline").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        await li.InvokeAsync("ExtendTime", examId, new { studentId = _city.Person("s3"), minutes = 5, reason = "补偿换机时间" });

        using var liHttp = await Li.HttpAsync();
        var entries = (await liHttp.GetFromJsonAsync<JsonElement>($"/api/exams/{examId}/irregularities")).GetProperty("entries");
        Assert.Equal(["pause", "resume", "extend"], entries.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.All(entries.EnumerateArray(), e => Assert.Equal((_city.Person("s3"), _city.Person("li")), (e.GetProperty("studentId").GetString(), e.GetProperty("by").GetString())));
        Assert.Equal("补偿换机时间", entries[2].GetProperty("reason").GetString());
        using var authorHttp = await author.HttpAsync();
        var all = (await authorHttp.GetFromJsonAsync<JsonElement>($"/api/exams/{examId}/irregularities")).GetProperty("entries");
        var focus = all.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "focus");
        Assert.Equal(_city.Person("s1"), focus.GetProperty("studentId").GetString());

        _clock.Advance(deadline.AddMinutes(16) - _clock.GetUtcNow());
        await s3.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q1", "b"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await HubErrors.AssertRefusedAsync("deadline_passed", () => s3.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 2, "q1", "a")));
    }

    [Fact]
    public async Task An_accommodation_set_before_the_start_counts_from_it_and_is_on_the_proctors_roster()
    {
        var (author, examId) = await PublishedAsync();
        using var http = await author.HttpAsync();
        var response = await http.PostAsJsonAsync($"/api/exams/{examId}/accommodations", new { studentId = _city.Person("s2"), extraMinutes = 20 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(20, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accommodationMinutes").GetInt32());
        await ProblemAssert.IsAsync(await http.PostAsJsonAsync($"/api/exams/{examId}/accommodations", new { studentId = _city.Person("s2"), extraMinutes = 601 }), HttpStatusCode.BadRequest, "invalid_argument");

        await using var wang = await Wang.ConnectAsync(ExamScenario.Hub);
        var row = (await wang.InvokeAsync("Join", examId)).GetProperty("snapshot").GetProperty("students").EnumerateArray()
            .Single(s => s.GetProperty("studentId").GetString() == _city.Person("s2"));
        Assert.Equal((20, "A"), (row.GetProperty("accommodationMinutes").GetInt32(), row.GetProperty("roomId").GetString()));
        await using var s2 = await S(2).ConnectAsync(ExamScenario.Hub);
        var started = await s2.InvokeAsync("StartAttempt", examId);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(80), started.GetProperty("deadline").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Publishing_refuses_a_student_two_rooms_claim_and_a_student_as_proctor()
    {
        await _city.ImportCityAsync();
        var author = _exams.Teacher();
        using var http = await author.HttpAsync();
        var twice = await _exams.CreateAsync(author, Spec(
        [
            new { id = "A", name = "甲", proctorIds = new[] { _city.Person("wang") }, classIds = new[] { $"C1-{_city.Tag}" } },
            new { id = "B", name = "乙", proctorIds = new[] { _city.Person("li") }, classIds = Array.Empty<string>(), studentIds = new[] { _city.Person("s2") } },
        ]));
        await ProblemAssert.IsAsync(await http.PostAsync($"/api/exams/{twice}/publish", null), HttpStatusCode.BadRequest, "invalid_argument");
        var studentProctor = await _exams.CreateAsync(author, Spec(
        [
            new { id = "A", name = "甲", proctorIds = new[] { _city.Person("s3") }, classIds = new[] { $"C1-{_city.Tag}" } },
        ]));
        await ProblemAssert.IsAsync(await http.PostAsync($"/api/exams/{studentProctor}/publish", null), HttpStatusCode.BadRequest, "invalid_argument");
        var view = await http.GetFromJsonAsync<JsonElement>($"/api/exams/{twice}");
        Assert.Equal("draft", view.GetProperty("status").GetString());
        Assert.Equal(["A", "B"], view.GetProperty("rooms").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }
}
