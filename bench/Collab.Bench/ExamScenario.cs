using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Bench;

/// <summary>
/// The start spike and the steady writing of a paperless exam (PROTOCOL §5). One exam for N candidates is published
/// a little before it opens (the server prepares the attempts in that lead); every candidate's connection is open
/// before <c>opensAt</c>; candidates call <c>StartAttempt</c> spread evenly over T seconds from <c>opensAt</c>
/// (latency from each one's scheduled time); then each saves an answer every S ms on a fixed schedule (staggered
/// evenly; latency from the scheduled send) or, with S = 0, again as soon as the previous save is acknowledged; then
/// all submit at once; then the results must show every acknowledged answer. With several <paramref name="hubUrls"/>
/// (the nodes of one cluster) candidate i connects to node i mod n, as a load balancer would spread them; REST goes to
/// the first.
/// </summary>
public sealed class ExamScenario(BenchOptions options, string url, ProcessProbe? server, string label, TextWriter log,
    IReadOnlyList<string>? hubUrls = null)
{
    private const int MaxErrorSamples = 5;
    private static readonly long Frequency = Stopwatch.Frequency;

    private readonly LatencyHistogram _join = new();
    private readonly LatencyHistogram _ack = new();
    private readonly LatencyHistogram _sendLag = new();
    private readonly LatencyHistogram _submit = new();
    private readonly List<string> _errorSamples = [];
    private long _joinFailures;
    private long _savesSent;
    private long _saveFailures;
    private long _ackedInWindow;
    private long _submitFailures;
    private long _connectionsLost;
    private long _eventsReceived;
    private long _presenceReceived;
    private volatile bool _closing;
    private long _windowStart;
    private long _windowEnd;

    public async Task<ExamResult> RunAsync(CancellationToken cancellation)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var rest = new ExamRestClient(url);
        var started = Stopwatch.GetTimestamp();
        var teacher = await rest.TokenAsync($"bench-{run}-t", "监考老师", "teacher", cancellation);
        var candidates = new ExamCandidate[options.Candidates];
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Candidates),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellation },
            async (index, token) =>
            {
                var userId = $"bench-{run}-s{index}";
                var name = $"学生{index}";
                candidates[index] = new ExamCandidate(index, userId, name, await rest.TokenAsync(userId, name, "student", token));
            });
        log.WriteLine($"[{label}] {options.Candidates} candidate tokens in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

        started = Stopwatch.GetTimestamp();
        var retries = 0;
        await Parallel.ForEachAsync(candidates,
            new ParallelOptions { MaxDegreeOfParallelism = options.ConnectConcurrency, CancellationToken = cancellation },
            async (candidate, token) =>
            {
                var nodes = hubUrls ?? [url];
                var connection = HubClients.Create(nodes[candidate.Index % nodes.Count], "/hubs/exam", candidate.Token, options.Protocol);
                connection.Closed += error =>
                {
                    if (!_closing)
                    {
                        Interlocked.Increment(ref _connectionsLost);
                        Sample($"connection of {candidate.UserId} closed: {error?.Message}");
                    }
                    return Task.CompletedTask;
                };
                connection.On<JsonElement>("Event", envelope =>
                {
                    Interlocked.Increment(ref _eventsReceived);
                    if (envelope.TryGetProperty("type", out var type) && type.GetString() == "presence.changed")
                    {
                        Interlocked.Increment(ref _presenceReceived);
                    }
                });
                candidate.Connection = connection;
                Interlocked.Add(ref retries, await HubClients.StartWithRetryAsync(connection, token));
            });
        var connectSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        log.WriteLine($"[{label}] {candidates.Length} exam hub connections open in {connectSeconds:F1} s ({retries} retried starts)");

        try
        {
            return await MeasureAsync(rest, teacher, candidates, connectSeconds, retries, cancellation);
        }
        finally
        {
            _closing = true;
            await Parallel.ForEachAsync(candidates, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (candidate, _) =>
            {
                if (candidate.Connection is { } connection)
                {
                    await connection.DisposeAsync();
                }
            });
        }
    }

    private async Task<ExamResult> MeasureAsync(
        ExamRestClient rest, string teacher, ExamCandidate[] candidates, double connectSeconds, int retries, CancellationToken cancellation)
    {
        // The server keeps the exam's time: opensAt is set on its clock (it runs on this machine, or one kept in sync).
        // Creating and publishing take a moment on a loaded machine: the lead is meant to start after them.
        const double createAndPublishAllowance = 2;
        var lead = options.LeadSeconds ?? 5 + options.Candidates / 200.0;
        var opensAt = DateTimeOffset.UtcNow.AddSeconds(lead + createAndPublishAllowance);
        var opensAtTimestamp = Stopwatch.GetTimestamp() + (long)((lead + createAndPublishAllowance) * Frequency);
        var spec = new
        {
            title = "信息技术期末考试（压测）",
            subject = "it",
            questions = ExamPaper.Spec(),
            opensAt,
            durationMinutes = 120,
            lateJoinMinutes = 30,
            roster = candidates.Select(c => c.UserId).ToArray(),
            shuffleQuestions = true,
            shuffleOptions = true,
        };
        var examId = await rest.CreateExamAsync(teacher, spec, cancellation);
        var publishStarted = Stopwatch.GetTimestamp();
        await rest.PublishAsync(teacher, examId, cancellation);
        var publishMs = Stopwatch.GetElapsedTime(publishStarted).TotalMilliseconds;
        var published = Stopwatch.GetTimestamp();
        lead = (opensAtTimestamp - published) / (double)Frequency;
        log.WriteLine($"[{label}] exam {examId} published in {publishMs:F0} ms; opens in {(opensAtTimestamp - published) / (double)Frequency:F1} s");

        var (prepareBusy, prepareCpu) = await WatchPreparationAsync(published, opensAtTimestamp, cancellation);
        log.WriteLine(prepareBusy is null
            ? $"[{label}] preparation not observed (no server process to measure)"
            : $"[{label}] server busy preparing for {prepareBusy:F1} s after publishing ({prepareCpu:F2} CPU s); the lead was {lead:F1} s");

        // The start spike.
        var joinServerCpu = server?.CpuSeconds();
        var joinTicks = (long)(options.JoinSeconds * Frequency);
        var joins = new List<Task>(candidates.Length);
        foreach (var candidate in candidates)
        {
            var due = opensAtTimestamp + Frequency / 20 + joinTicks * candidate.Index / candidates.Length;
            await Schedule.DelayUntilAsync(due, cancellation);
            joins.Add(StartAsync(candidate, examId, due));
        }
        await WhenAllWithin(joins, options.JoinSeconds + 120, cancellation);
        _joinFailures += joins.Count(join => !join.IsCompleted);
        var joinWall = (Stopwatch.GetTimestamp() - opensAtTimestamp) / (double)Frequency;
        joinServerCpu = server?.CpuSeconds() - joinServerCpu;
        log.WriteLine($"[{label}] {candidates.Length - _joinFailures} of {candidates.Length} started within {joinWall:F1} s of opensAt");

        // The steady window of saves.
        var saveStart = Stopwatch.GetTimestamp() + Frequency;
        _windowStart = saveStart;
        _windowEnd = saveStart + (long)(options.DurationSeconds * Frequency);
        var window = Schedule.SampleWindowAsync(server, _windowStart, _windowEnd, cancellation);
        var saves = options.SaveIntervalMs == 0
            ? await SaveBackToBackAsync(candidates, examId, cancellation)
            : await SaveOnScheduleAsync(candidates, examId, cancellation);
        var (saveServerCpu, machineBusy, clientCpu) = await window;
        // A smoke run on a loaded CI box judges correctness, not speed: it gives slow acknowledgements a minute.
        await WhenAllWithin(saves, options.Smoke ? Math.Max(options.DrainSeconds, 60) : options.DrainSeconds, cancellation);
        var unfinished = saves.Count(save => !save.IsCompleted);

        // Everyone submits at once.
        var submitDue = Stopwatch.GetTimestamp();
        var submits = candidates.Select(candidate => SubmitAsync(candidate, examId, submitDue)).ToList();
        await WhenAllWithin(submits, 120, cancellation);
        _submitFailures += submits.Count(submit => !submit.IsCompleted);

        var verification = await VerifyAsync(rest, teacher, examId, candidates, cancellation);
        return new ExamResult
        {
            Label = label,
            Candidates = options.Candidates,
            JoinSeconds = options.JoinSeconds,
            SaveIntervalMs = options.SaveIntervalMs,
            DurationSeconds = options.DurationSeconds,
            LeadSeconds = lead,
            ConnectSeconds = connectSeconds,
            ConnectRetries = retries,
            PublishMs = publishMs,
            PrepareBusySeconds = prepareBusy,
            PrepareCpuSeconds = prepareCpu,
            Join = _join.Summarize(),
            JoinFailures = _joinFailures,
            JoinWallSeconds = joinWall,
            JoinServerCpuSeconds = joinServerCpu,
            Ack = _ack.Summarize(),
            SendLag = _sendLag.Summarize(),
            SavesSent = _savesSent,
            SavesAckedInWindow = _ackedInWindow,
            SaveFailures = _saveFailures,
            UnfinishedSaves = unfinished,
            SaveServerCpuSeconds = saveServerCpu,
            MachineBusyPercent = machineBusy,
            ClientCpuSeconds = clientCpu,
            Submit = _submit.Summarize(),
            SubmitFailures = _submitFailures,
            CheckedAnswers = verification.Checked,
            LostAnswers = verification.Lost,
            UnexpectedAnswers = verification.Unexpected,
            WrongStatus = verification.WrongStatus,
            Unverifiable = verification.Unverifiable,
            ConnectionsLost = _connectionsLost,
            EventsReceived = Interlocked.Read(ref _eventsReceived),
            PresenceReceived = Interlocked.Read(ref _presenceReceived),
            ErrorSamples = _errorSamples,
            ServerPid = server?.Pid,
            ServerRssBytes = server?.RssBytes(),
            ServerPeakRssBytes = server?.PeakRssBytes(),
        };
    }

    private async Task StartAsync(ExamCandidate candidate, string examId, long due)
    {
        try
        {
            var reply = await candidate.Connection!.InvokeAsync<JsonElement>("StartAttempt", examId);
            _join.RecordStopwatchTicks(Stopwatch.GetTimestamp() - due);
            if (reply.GetProperty("status").GetString() != "active")
            {
                throw new InvalidOperationException($"StartAttempt returned status {reply.GetProperty("status")}");
            }
        }
        catch (Exception error)
        {
            Interlocked.Increment(ref _joinFailures);
            Sample($"StartAttempt of {candidate.UserId}: {error.Message}");
        }
    }

    /// <summary>Candidate i saves at start + i·S/N + k·S: one loop in time order, never waiting for an acknowledgement.</summary>
    private async Task<List<Task>> SaveOnScheduleAsync(ExamCandidate[] candidates, string examId, CancellationToken cancellation)
    {
        var interval = options.SaveIntervalMs * Frequency / 1000;
        var saves = new List<Task>();
        for (long k = 0; ; k++)
        {
            foreach (var candidate in candidates)
            {
                var due = _windowStart + k * interval + interval * candidate.Index / candidates.Length;
                if (due >= _windowEnd)
                {
                    return saves;
                }
                await Schedule.DelayUntilAsync(due, cancellation);
                _sendLag.RecordStopwatchTicks(Stopwatch.GetTimestamp() - due);
                saves.Add(SaveAsync(candidate, examId, due));
            }
        }
    }

    /// <summary>Closed loop: every candidate keeps exactly one save in flight, so the concurrency is the candidate count.</summary>
    private async Task<List<Task>> SaveBackToBackAsync(ExamCandidate[] candidates, string examId, CancellationToken cancellation)
    {
        await Schedule.DelayUntilAsync(_windowStart, cancellation);
        await Task.WhenAll(candidates.Select(async candidate =>
        {
            while (Stopwatch.GetTimestamp() < _windowEnd && !cancellation.IsCancellationRequested)
            {
                await SaveAsync(candidate, examId, Stopwatch.GetTimestamp());
            }
        }));
        return [];
    }

    private async Task SaveAsync(ExamCandidate candidate, string examId, long due)
    {
        var (question, visit, right, clientSeq) = candidate.NextSave();
        Interlocked.Increment(ref _savesSent);
        try
        {
            await candidate.Connection!.InvokeAsync<JsonElement>("SaveAnswer", examId, new
            {
                clientId = candidate.ClientId,
                clientSeq,
                questionId = ExamPaper.Id(question),
                answer = ExamPaper.Answer(question, right),
            });
            var now = Stopwatch.GetTimestamp();
            candidate.Acknowledged(question, visit);
            _ack.RecordStopwatchTicks(now - due);
            if (now >= _windowStart && now < _windowEnd)
            {
                Interlocked.Increment(ref _ackedInWindow);
            }
        }
        catch (Exception error)
        {
            Interlocked.Increment(ref _saveFailures);
            Sample($"SaveAnswer of {candidate.UserId} {ExamPaper.Id(question)}: {error.Message}");
        }
    }

    private async Task SubmitAsync(ExamCandidate candidate, string examId, long due)
    {
        try
        {
            await candidate.Connection!.InvokeAsync<JsonElement>("Submit", examId);
            _submit.RecordStopwatchTicks(Stopwatch.GetTimestamp() - due);
        }
        catch (Exception error)
        {
            Interlocked.Increment(ref _submitFailures);
            Sample($"Submit of {candidate.UserId}: {error.Message}");
        }
    }

    /// <summary>Every candidate submitted, and every question shows the points of its last acknowledged answer.</summary>
    private async Task<(long Checked, long Lost, long Unexpected, long WrongStatus, long Unverifiable)> VerifyAsync(
        ExamRestClient rest, string teacher, string examId, ExamCandidate[] candidates, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var results = await rest.ResultsAsync(teacher, examId, cancellation);
        log.WriteLine($"[{label}] results of {candidates.Length} read in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        var rows = results.GetProperty("students").EnumerateArray().ToDictionary(row => row.GetProperty("studentId").GetString()!);
        long checkedAnswers = 0, lost = 0, unexpected = 0, wrongStatus = 0, unverifiable = 0;
        foreach (var candidate in candidates)
        {
            if (!rows.TryGetValue(candidate.UserId, out var row) || row.GetProperty("status").GetString() != "submitted")
            {
                wrongStatus++;
                Sample($"{candidate.UserId} is not submitted in the results");
                continue;
            }
            var perQuestion = row.GetProperty("perQuestion");
            for (var question = 0; question < ExamPaper.Questions; question++)
            {
                if (candidate.Expected(question) is not { } expected)
                {
                    unverifiable++;
                    continue;
                }
                var id = ExamPaper.Id(question);
                decimal? points = perQuestion.TryGetProperty(id, out var value) ? value.GetDecimal() : null;
                bool shown;
                if (id == ExamPaper.ShortQuestion)
                {
                    // An answered short question waits for a marker (no points yet); a blank one scores 0 at once.
                    shown = points is null && row.GetProperty("pendingMarking").GetInt32() == 1;
                    if (!expected.Answered)
                    {
                        if (shown || points != 0)
                        {
                            unexpected++;
                            Sample($"{candidate.UserId} {id}: never acknowledged, yet the results show it answered");
                        }
                        continue;
                    }
                }
                else
                {
                    shown = points == (expected.Points ?? 0);
                    if (!expected.Answered)
                    {
                        if (!shown)
                        {
                            unexpected++;
                            Sample($"{candidate.UserId} {id}: never acknowledged, yet {points} points");
                        }
                        continue;
                    }
                }
                checkedAnswers++;
                if (!shown)
                {
                    lost++;
                    Sample($"{candidate.UserId} {id}: the last acknowledged answer scores {expected.Points?.ToString() ?? "pending marking"}, the results show {points?.ToString() ?? "nothing"}");
                }
            }
        }
        return (checkedAnswers, lost, unexpected, wrongStatus, unverifiable);
    }

    /// <summary>Samples the server's CPU every 250 ms from publishing until opensAt; the last busy sample ends the preparation.</summary>
    private async Task<(double? BusySeconds, double? CpuSeconds)> WatchPreparationAsync(long published, long opensAt, CancellationToken cancellation)
    {
        if (server is null)
        {
            await Schedule.DelayUntilAsync(opensAt, cancellation);
            return (null, null);
        }
        const double quietShare = 0.2; // of one core: idle Orleans timers stay far below
        var step = Frequency / 4;
        var first = server.CpuSeconds();
        var previous = first;
        var lastBusyEnd = published;
        for (var at = published + step; at <= opensAt; at += step)
        {
            await Schedule.DelayUntilAsync(at, cancellation);
            var cpu = server.CpuSeconds();
            if (cpu - previous > quietShare * 0.25)
            {
                lastBusyEnd = at;
            }
            previous = cpu;
        }
        await Schedule.DelayUntilAsync(opensAt, cancellation);
        return ((lastBusyEnd - published) / (double)Frequency, previous - first);
    }


    private static async Task WhenAllWithin(IReadOnlyCollection<Task> tasks, double seconds, CancellationToken cancellation)
    {
        var all = Task.WhenAll(tasks);
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(seconds), cancellation));
    }


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
