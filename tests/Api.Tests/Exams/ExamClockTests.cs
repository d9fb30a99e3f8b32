using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collab.Api.Tests.Exams;

/// <summary>
/// The server's clock decides, on every command and on its own: an Api whose one clock the test moves, so "after the
/// late-join cut-off" and "after the deadline" are reached by moving time, not by waiting for it. Orleans' grain timers
/// and reminders run on the same clock here (they follow the host's <see cref="TimeProvider"/> unless a host pins them
/// apart), so moving it past a deadline also fires the attempt's deadline timer.
/// </summary>
public sealed class ExamClockTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ApiHost _host;
    private readonly ExamScenario _scenario;

    public ExamClockTests()
    {
        // The sweep of expired node subscriptions reads the same clock; moving it by minutes must not drop this node.
        _host = ApiHost.OnFreshFolder(new Dictionary<string, string?> { ["Collab:Live:NodeSweepInterval"] = "01:00:00" },
            builder => builder.Services.AddSingleton<TimeProvider>(_clock));
        _scenario = new ExamScenario(_host);
    }

    public Task InitializeAsync() => _host.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_first_start_after_the_late_join_cut_off_is_not_open_but_a_resume_is_allowed()
    {
        var teacher = _scenario.Teacher();
        var onTime = _scenario.Student();
        var late = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([onTime, late], _clock.GetUtcNow().AddSeconds(-1), durationMinutes: 60, lateJoinMinutes: 15));
        await using var onTimeClient = await onTime.ConnectAsync(ExamScenario.Hub);
        await using var lateClient = await late.ConnectAsync(ExamScenario.Hub);
        var started = await onTimeClient.InvokeAsync("StartAttempt", examId);

        _clock.Advance(TimeSpan.FromMinutes(16));

        await HubErrors.AssertRefusedAsync("not_open", () => lateClient.InvokeAsync("StartAttempt", examId));
        var resumed = await onTimeClient.InvokeAsync("StartAttempt", examId);
        Assert.Equal("active", resumed.GetProperty("status").GetString());
        Assert.Equal(started.GetProperty("deadline").GetDateTimeOffset(), resumed.GetProperty("deadline").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_save_after_the_deadline_submits_the_attempt_and_is_refused()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], _clock.GetUtcNow().AddSeconds(-1), durationMinutes: 45, lateJoinMinutes: 10));
        await using var client = await student.ConnectAsync(ExamScenario.Hub);
        await client.InvokeAsync("StartAttempt", examId);
        await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q1", "b"));

        _clock.Advance(TimeSpan.FromMinutes(45));

        await HubErrors.AssertRefusedAsync("deadline_passed", () => client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 2, "q3", true)));
        var submitted = await client.WaitForTypeAsync("attempt.submitted");
        Assert.Equal("deadline", submitted.GetProperty("data").GetProperty("reason").GetString());
        var row = ExamScenario.StudentRow(await ExamScenario.ResultsAsync(teacher, examId), student);
        Assert.Equal(2m, row.GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task Extra_time_moves_the_deadline_and_a_pause_stops_the_clock()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], _clock.GetUtcNow().AddSeconds(-1), durationMinutes: 30, lateJoinMinutes: 10));
        await using var client = await student.ConnectAsync(ExamScenario.Hub);
        await using var proctor = await teacher.ConnectAsync(ExamScenario.Hub);
        await proctor.InvokeAsync("Join", examId);
        var deadline = (await client.InvokeAsync("StartAttempt", examId)).GetProperty("deadline").GetDateTimeOffset();

        await proctor.InvokeAsync("ExtendTime", examId, new { studentId = student.UserId, minutes = 10, cause = "读写障碍，按规定延时" });
        var changed = await client.WaitForTypeAsync("deadline.changed");
        Assert.Equal(deadline.AddMinutes(10), changed.GetProperty("data").GetProperty("deadline").GetDateTimeOffset());

        await proctor.InvokeAsync("PauseCandidate", examId, new { studentId = student.UserId, cause = "机器故障，更换座位" });
        await client.WaitForTypeAsync("attempt.paused");
        await HubErrors.AssertRefusedAsync("conflict", () => client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q1", "b")));
        _clock.Advance(TimeSpan.FromMinutes(20));
        await proctor.InvokeAsync("ResumeCandidate", examId, new { studentId = student.UserId, cause = "已更换" });
        var resumed = await client.WaitForTypeAsync("attempt.resumed");
        Assert.Equal(deadline.AddMinutes(30), resumed.GetProperty("data").GetProperty("deadline").GetDateTimeOffset());

        _clock.Advance(TimeSpan.FromMinutes(35));
        await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 2, "q1", "b"));
        _clock.Advance(TimeSpan.FromMinutes(6));
        await HubErrors.AssertRefusedAsync("deadline_passed", () => client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 3, "q1", "a")));

        using var http = await teacher.HttpAsync();
        var log = await http.GetFromJsonAsync<JsonElement>($"/api/exams/{examId}/irregularities");
        var entries = log.GetProperty("entries");
        Assert.Equal(["extend", "pause", "resume"], entries.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("机器故障，更换座位", entries[1].GetProperty("cause").GetString());
        Assert.Equal("机器故障，更换座位", entries[1].GetProperty("reason").GetString());
        Assert.Equal(teacher.UserId, entries[1].GetProperty("by").GetString());
    }

    [Fact]
    public async Task At_the_deadline_the_server_submits_by_itself_and_later_saves_are_refused()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], _clock.GetUtcNow().AddSeconds(-1), durationMinutes: 2));
        await using var client = await student.ConnectAsync(ExamScenario.Hub);
        var deadline = (await client.InvokeAsync("StartAttempt", examId)).GetProperty("deadline").GetDateTimeOffset();
        await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q1", "b"));
        _clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 2, "q3", true));

        _clock.Advance(TimeSpan.FromSeconds(1));

        var submitted = await client.WaitForTypeAsync("attempt.submitted");
        Assert.Equal("deadline", submitted.GetProperty("data").GetProperty("reason").GetString());
        Assert.Equal(deadline, submitted.GetProperty("data").GetProperty("submittedAt").GetDateTimeOffset());
        await HubErrors.AssertRefusedAsync("deadline_passed", () => client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 3, "q1", "a")));
        var row = ExamScenario.StudentRow(await ExamScenario.ResultsAsync(teacher, examId), student);
        Assert.Equal(2m, row.GetProperty("perQuestion").GetProperty("q1").GetDecimal());
        Assert.Equal(2m, row.GetProperty("perQuestion").GetProperty("q3").GetDecimal());
    }

    [Fact]
    public async Task An_attempt_with_nobody_connected_is_submitted_at_its_deadline()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], _clock.GetUtcNow().AddSeconds(-1), durationMinutes: 3));
        await using (var client = await student.ConnectAsync(ExamScenario.Hub))
        {
            await client.InvokeAsync("StartAttempt", examId);
            await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q3", true));
        }
        var before = ExamScenario.StudentRow(await ExamScenario.ResultsAsync(teacher, examId), student);
        Assert.Equal("active", before.GetProperty("status").GetString());

        // The timer's tick is queued on the attempt as the clock passes the deadline, ahead of the results' read.
        _clock.Advance(TimeSpan.FromMinutes(3));

        var row = ExamScenario.StudentRow(await ExamScenario.ResultsAsync(teacher, examId), student);
        Assert.Equal("submitted", row.GetProperty("status").GetString());
        Assert.Equal(2m, row.GetProperty("perQuestion").GetProperty("q3").GetDecimal());
    }
}
