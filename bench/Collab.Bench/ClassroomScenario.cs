using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Bench;

/// <summary>
/// One live 1+X classroom (PROTOCOL §8): a host class and X linked classes of N students, every student, assistant and
/// the host on their own hub connection. The host starts the lesson and pushes one single-choice question; every
/// student answers once at a seeded moment within S seconds of the push; then the host closes it, reveals the key and
/// ends the lesson. Measured: each answer's acknowledgement from its scheduled moment; how long after an answer the host
/// (and each assistant) receives a <c>tally.updated</c> that counts it, the last answer above all; the push's and the
/// reveal's fan-out; the seq jumps a client following PROTOCOL §0 would fill with <c>Sync</c>. On Collab the people come
/// from the directory import and the classroom from <c>POST /api/classrooms</c>; B0 gets the same hub calls with
/// nothing behind them (its classroom only learns who the staff are).
/// </summary>
public sealed class ClassroomScenario(BenchOptions options, string url, ProcessProbe? server, string label, bool baseline, TextWriter log)
{
    private const string Hub = "/hubs/classroom";
    private const string QuestionId = "q1";
    private const int MaxErrorSamples = 5;
    private static readonly long Frequency = Stopwatch.Frequency;

    private readonly LatencyHistogram _ack = new();
    private readonly LatencyHistogram _tallyLag = new();
    private readonly LatencyHistogram _pushed = new();
    private readonly LatencyHistogram _revealed = new();
    private readonly List<string> _errorSamples = [];
    private readonly List<(long At, int Answered)> _hostTallies = [];
    private long _answerFailures;
    private long _connectionsLost;
    private long _tallyEventsToStudents;
    private long _othersAnswersToStudents;
    private long _pushSent;
    private long _revealSent;
    private int _revealsSeen;
    private volatile bool _closing;

    public async Task<ClassroomResult> RunAsync(CancellationToken cancellation)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var city = new ClassroomCity(run, options.LinkedClasses + 1, options.ClassSize);
        using var setup = new SetupClient(url);
        var started = Stopwatch.GetTimestamp();
        if (!baseline)
        {
            var admin = await setup.TokenAsync($"{run}-admin", "管理员", cancellation, role: "admin");
            await city.ImportAsync(url, admin, cancellation);
            log.WriteLine($"[{label}] imported {city.Classes} classes, {city.Classes} teachers, {city.Students} students in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        }

        var staff = await Task.WhenAll(Enumerable.Range(0, city.Classes).Select(async c =>
            new ClassroomMember(city.TeacherId(c), c, await setup.TokenAsync(city.TeacherId(c), $"老师{c}", cancellation))));
        var students = new ClassroomMember[city.Students];
        await Parallel.ForEachAsync(Enumerable.Range(0, city.Students), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellation },
            async (i, token) =>
            {
                var (c, s) = (i / city.ClassSize, i % city.ClassSize);
                students[i] = new ClassroomMember(city.StudentId(c, s), c, await setup.TokenAsync(city.StudentId(c, s), $"学生{c}-{s}", token, role: "student"));
            });
        var body = baseline ? new { staffIds = staff.Select(m => m.UserId).ToArray() } : city.CreateBody();
        var created = await setup.PostAsync(staff[0].Token, "/api/classrooms", body, cancellation);
        var classroomId = created.GetProperty("id").GetString()!;
        log.WriteLine($"[{label}] classroom {classroomId}: {city.Classes} classes of {city.ClassSize}; tokens and creation in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

        var host = staff[0];
        var assistants = staff.Skip(1).ToArray();
        var assistantTallies = assistants.ToDictionary(a => a.UserId, _ => new List<(long At, int Answered)>());
        started = Stopwatch.GetTimestamp();
        var retries = 0;
        var everyone = staff.Concat(students).ToArray();
        await Parallel.ForEachAsync(everyone, new ParallelOptions { MaxDegreeOfParallelism = options.ConnectConcurrency, CancellationToken = cancellation },
            async (member, token) =>
            {
                var connection = HubClients.Create(url, Hub, member.Token, options.Protocol);
                var isStudent = member.UserId.Contains("-s", StringComparison.Ordinal);
                var tallies = member == host ? _hostTallies : assistantTallies.GetValueOrDefault(member.UserId);
                connection.On<JsonElement>("Event", envelope => OnEvent(member, isStudent, tallies, envelope));
                connection.Closed += error =>
                {
                    if (!_closing)
                    {
                        Interlocked.Increment(ref _connectionsLost);
                        Sample($"connection of {member.UserId} closed: {error?.Message}");
                    }
                    return Task.CompletedTask;
                };
                member.Connection = connection;
                Interlocked.Add(ref retries, await HubClients.StartWithRetryAsync(connection, token));
                var joined = await connection.InvokeAsync<JsonElement>("Join", classroomId, token);
                member.Joined(joined.GetProperty("seq").GetInt64());
            });
        var connectSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        log.WriteLine($"[{label}] {everyone.Length} connections open and joined in {connectSeconds:F1} s ({retries} retried starts)");

        try
        {
            return await MeasureAsync(classroomId, host, assistants, assistantTallies, students, connectSeconds, cancellation);
        }
        finally
        {
            _closing = true;
            await Parallel.ForEachAsync(everyone, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (member, _) =>
            {
                if (member.Connection is { } connection)
                {
                    await connection.DisposeAsync();
                }
            });
        }
    }

    private async Task<ClassroomResult> MeasureAsync(string classroomId, ClassroomMember host, ClassroomMember[] assistants,
        Dictionary<string, List<(long At, int Answered)>> assistantTallies, ClassroomMember[] students, double connectSeconds, CancellationToken cancellation)
    {
        var hostConnection = host.Connection!;
        await hostConnection.InvokeAsync<JsonElement>("Start", classroomId, cancellation);
        var question = new
        {
            id = QuestionId,
            kind = "single",
            stem = "一次函数 y=2x+1 的斜率是？",
            options = new[] { new { id = "a", text = "1" }, new { id = "b", text = "2" }, new { id = "c", text = "-1" } },
            answer = "b",
        };
        Interlocked.Exchange(ref _pushSent, Stopwatch.GetTimestamp());
        await hostConnection.InvokeAsync<JsonElement>("PushQuestion", classroomId, new { clientId = "host-tab", clientSeq = 1, question }, cancellation);

        // Seeded: the same moments and choices every run; about 60 % choose the key.
        var random = new Random(2026);
        var answers = students.Select(student =>
        {
            var roll = random.NextDouble();
            return (Student: student, Offset: random.NextDouble() * options.AnswerSeconds, Choice: roll < 0.6 ? "b" : roll < 0.8 ? "a" : "c");
        }).OrderBy(a => a.Offset).ToList();
        var expectedCorrect = answers.Count(a => a.Choice == "b");
        var start = Stopwatch.GetTimestamp() + Frequency / 2;
        var acked = new long[answers.Count];
        var window = Schedule.SampleWindowAsync(server, start, start + (long)(options.AnswerSeconds * Frequency), cancellation);
        var sends = new List<Task>(answers.Count);
        for (var i = 0; i < answers.Count; i++)
        {
            var (student, offset, choice) = answers[i];
            var due = start + (long)(offset * Frequency);
            await Schedule.DelayUntilAsync(due, cancellation);
            var index = i;
            sends.Add(AnswerAsync(student, classroomId, choice, due, at => acked[index] = at));
        }
        var (serverCpu, machineBusy, clientCpu) = await window;
        await WhenAllWithin(sends, 60, cancellation);
        var lastAck = acked.Max();

        // The last answer's tally: the host's and every assistant's first tally counting every answer.
        var everyAnswer = answers.Count - (int)Interlocked.Read(ref _answerFailures);
        var hostFull = await FirstTallyAsync(_hostTallies, everyAnswer, cancellation);
        var assistantFull = new LatencyHistogram();
        var assistantsMissing = 0;
        foreach (var tallies in assistantTallies.Values)
        {
            if (await FirstTallyAsync(tallies, everyAnswer, cancellation) is { } at)
            {
                assistantFull.RecordStopwatchTicks(Math.Max(1, at - lastAck));
            }
            else
            {
                assistantsMissing++;
            }
        }
        // Every answer, the i-th acknowledged taken as the i-th the classroom counted: the first host tally counting that many.
        var ackOrder = acked.Where(at => at > 0).Order().ToArray();
        List<(long At, int Answered)> hostSeen;
        lock (_hostTallies)
        {
            hostSeen = [.. _hostTallies];
        }
        for (var k = 0; k < ackOrder.Length; k++)
        {
            var tally = hostSeen.FirstOrDefault(t => t.Answered >= k + 1);
            if (tally.At > 0)
            {
                _tallyLag.RecordStopwatchTicks(Math.Max(1, tally.At - ackOrder[k]));
            }
        }

        await hostConnection.InvokeAsync("CloseQuestion", classroomId, QuestionId, cancellation);
        Interlocked.Exchange(ref _revealSent, Stopwatch.GetTimestamp());
        await hostConnection.InvokeAsync("RevealAnswer", classroomId, QuestionId, cancellation);
        await WaitUntilAsync(() => Volatile.Read(ref _revealsSeen) >= students.Length, 30, cancellation);
        await hostConnection.InvokeAsync<JsonElement>("End", classroomId, cancellation);

        var (reportAnswered, reportCorrect) = baseline ? (everyAnswer, expectedCorrect) : await ReportAsync(host, classroomId, cancellation);
        return new ClassroomResult
        {
            Label = label,
            Classes = assistants.Length + 1,
            ClassSize = options.ClassSize,
            AnswerSeconds = options.AnswerSeconds,
            ConnectSeconds = connectSeconds,
            Ack = _ack.Summarize(),
            AnswerFailures = Interlocked.Read(ref _answerFailures),
            Unacknowledged = sends.Count(send => !send.IsCompleted),
            LastAnswerToHostTallyMs = hostFull is { } full ? Math.Max(0, full - lastAck) * 1000.0 / Frequency : null,
            TallyLag = _tallyLag.Summarize(),
            HostTallies = hostSeen.Count,
            AssistantFullTally = assistantFull.Summarize(),
            AssistantsMissingTally = assistantsMissing,
            Pushed = _pushed.Summarize(),
            Revealed = _revealed.Summarize(),
            StudentJumps = students.Sum(s => s.Jumps),
            StudentsWithJumps = students.Count(s => s.Jumps > 0),
            StaffJumps = assistants.Sum(a => a.Jumps) + host.Jumps,
            StudentGaps = students.Sum(s => s.Gaps),
            StaffGaps = assistants.Sum(a => a.Gaps) + host.Gaps,
            Chained = host.ChainSeen || students.Any(s => s.ChainSeen),
            TallyEventsToStudents = Interlocked.Read(ref _tallyEventsToStudents),
            OthersAnswersToStudents = Interlocked.Read(ref _othersAnswersToStudents),
            ExpectedAnswered = everyAnswer,
            ExpectedCorrect = expectedCorrect,
            ReportAnswered = reportAnswered,
            ReportCorrect = reportCorrect,
            ConnectionsLost = Interlocked.Read(ref _connectionsLost),
            AnswerServerCpuSeconds = serverCpu,
            MachineBusyPercent = machineBusy,
            ClientCpuSeconds = clientCpu,
            ServerPeakRssBytes = server?.PeakRssBytes(),
            ErrorSamples = _errorSamples,
        };
    }

    private void OnEvent(ClassroomMember member, bool isStudent, List<(long At, int Answered)>? tallies, JsonElement envelope)
    {
        var now = Stopwatch.GetTimestamp();
        member.Received(envelope.GetProperty("seq").GetInt64(), envelope.TryGetProperty("prev", out var previous) ? previous.GetInt64() : null);
        var type = envelope.GetProperty("type").GetString();
        var data = envelope.GetProperty("data");
        switch (type)
        {
            case "tally.updated":
                if (isStudent)
                {
                    Interlocked.Increment(ref _tallyEventsToStudents);
                }
                if (tallies is not null)
                {
                    lock (tallies)
                    {
                        tallies.Add((now, data.GetProperty("total").GetProperty("answered").GetInt32()));
                    }
                }
                break;
            case "answer.recorded" when isStudent && data.GetProperty("studentId").GetString() != member.UserId:
                Interlocked.Increment(ref _othersAnswersToStudents);
                break;
            case "question.pushed" when isStudent:
                _pushed.RecordStopwatchTicks(now - Interlocked.Read(ref _pushSent));
                break;
            case "answer.revealed" when isStudent:
                _revealed.RecordStopwatchTicks(now - Interlocked.Read(ref _revealSent));
                Interlocked.Increment(ref _revealsSeen);
                break;
        }
    }

    private async Task AnswerAsync(ClassroomMember student, string classroomId, string choice, long due, Action<long> acknowledged)
    {
        try
        {
            await student.Connection!.InvokeAsync<JsonElement>("Answer", classroomId,
                new { clientId = "phone", clientSeq = 1, questionId = QuestionId, answer = choice });
            var now = Stopwatch.GetTimestamp();
            acknowledged(now);
            _ack.RecordStopwatchTicks(now - due);
        }
        catch (Exception error)
        {
            Interlocked.Increment(ref _answerFailures);
            Sample($"Answer of {student.UserId}: {error.Message}");
        }
    }

    /// <summary>When the first tally counting <paramref name="answered"/> answers arrived; null if none did within 30 s.</summary>
    private static async Task<long?> FirstTallyAsync(List<(long At, int Answered)> tallies, int answered, CancellationToken cancellation)
    {
        long? Found()
        {
            lock (tallies)
            {
                var hit = tallies.FirstOrDefault(t => t.Answered >= answered);
                return hit.At > 0 ? hit.At : null;
            }
        }
        await WaitUntilAsync(() => Found() is not null, 30, cancellation);
        return Found();
    }

    /// <summary>Polls a condition the event handlers make true (every 10 ms, at most <paramref name="seconds"/>).</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, double seconds, CancellationToken cancellation)
    {
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Frequency);
        while (!condition() && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(10, cancellation);
        }
    }

    private async Task<(int Answered, int Correct)> ReportAsync(ClassroomMember host, string classroomId, CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var report = await http.SendAsync(() => PatientHttp.Authorized(HttpMethod.Get, $"/api/classrooms/{classroomId}/report", host.Token, null), cancellation);
        var total = report.GetProperty("questions")[0].GetProperty("total");
        return (total.GetProperty("answered").GetInt32(), total.GetProperty("correct").GetInt32());
    }

    private static async Task WhenAllWithin(IReadOnlyCollection<Task> tasks, double seconds, CancellationToken cancellation) =>
        await Task.WhenAny(Task.WhenAll(tasks), Task.Delay(TimeSpan.FromSeconds(seconds), cancellation));

    private void Sample(string error)
    {
        lock (_errorSamples)
        {
            if (_errorSamples.Count < MaxErrorSamples)
            {
                _errorSamples.Add(error);
            }
        }
    }
}
