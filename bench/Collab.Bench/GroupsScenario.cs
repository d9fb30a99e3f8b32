using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Bench;

/// <summary>
/// Fan-out of feed messages: every member of every group is connected and joined; one poster per group posts at a
/// fixed schedule (groups staggered evenly across the interval), and every member's receipt is timed.
/// </summary>
public sealed class GroupsScenario(BenchOptions options, string url, ProcessProbe? server, string label, TextWriter log)
{
    public async Task<GroupsResult> RunAsync(CancellationToken cancellation)
    {
        var intervalTicks = options.IntervalMs * Stopwatch.Frequency / 1000;
        var measurement = new GroupsMeasurement(intervalTicks);
        var text = MessageText(options.TextLength);

        var started = Stopwatch.GetTimestamp();
        var groups = await GroupsSetup.CreateAsync(options, url, cancellation);
        log.WriteLine($"[{label}] created {groups.Count} groups x {options.Members} members in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

        started = Stopwatch.GetTimestamp();
        var members = groups.SelectMany(group => group.Members.Select(member => (group, member))).ToList();
        var retries = 0;
        await Parallel.ForEachAsync(members,
            new ParallelOptions { MaxDegreeOfParallelism = options.ConnectConcurrency, CancellationToken = cancellation },
            async (pair, token) =>
            {
                var (group, member) = pair;
                var connection = HubClients.Create(url, "/hubs/groups", member.Token, options.Protocol);
                connection.On<DeliveredEvent>("Event", envelope => measurement.OnEvent(group, member, envelope));
                connection.Closed += error =>
                {
                    measurement.OnClosed(error);
                    return Task.CompletedTask;
                };
                member.Connection = connection;
                Interlocked.Add(ref retries, await HubClients.StartWithRetryAsync(connection, token));
                var joined = await connection.InvokeAsync<JoinedReply>("Join", group.Id, token);
                member.LastSeq = joined.Seq;
            });
        log.WriteLine($"[{label}] connected and joined {members.Count} members in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s ({retries} retried starts)");

        try
        {
            return await MeasureAsync(groups, measurement, intervalTicks, text, retries, cancellation);
        }
        finally
        {
            measurement.Running = false;
            await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (pair, _) =>
            {
                if (pair.member.Connection is { } connection)
                {
                    await connection.DisposeAsync();
                }
            });
        }
    }

    private async Task<GroupsResult> MeasureAsync(
        IReadOnlyList<BenchGroup> groups, GroupsMeasurement measurement, long intervalTicks, string text, int retries, CancellationToken cancellation)
    {
        var frequency = Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp() + frequency / 2;
        foreach (var group in groups)
        {
            group.ScheduleStart = start + group.Index * intervalTicks / groups.Count;
        }
        measurement.SteadyStart = start + (long)(options.WarmupSeconds * frequency);
        measurement.SteadyEnd = measurement.SteadyStart + (long)(options.DurationSeconds * frequency);
        measurement.Running = true;
        log.WriteLine($"[{label}] posting: {options.WarmupSeconds} s warm-up, then {options.DurationSeconds} s steady");

        var window = Schedule.SampleWindowAsync(server, measurement.SteadyStart, measurement.SteadyEnd, cancellation);
        var posts = (await Task.WhenAll(groups.Select(group => PostOnScheduleAsync(group, measurement, intervalTicks, text, cancellation))))
            .SelectMany(tasks => tasks).ToList();
        var (serverCpu, machineBusy, clientCpu) = await window;

        // Drain: wait for the last acknowledgements and deliveries, or give up and count what is missing.
        var drainEnd = Stopwatch.GetTimestamp() + (long)(options.DrainSeconds * frequency);
        while (Stopwatch.GetTimestamp() < drainEnd
               && (posts.Any(post => !post.IsCompleted) || measurement.SteadyDelivered < measurement.AckedSteady * options.Members))
        {
            await Task.Delay(50, cancellation);
        }
        measurement.Running = false;

        var expected = measurement.AckedSteady * options.Members;
        return new GroupsResult
        {
            Label = label,
            Groups = options.Groups,
            Members = options.Members,
            IntervalMs = options.IntervalMs,
            TextLength = options.TextLength,
            WarmupSeconds = options.WarmupSeconds,
            DurationSeconds = options.DurationSeconds,
            Delivery = measurement.Delivery.Summarize(),
            Ack = measurement.Ack.Summarize(),
            SendLag = measurement.SendLag.Summarize(),
            PostsDue = measurement.PostsDue,
            PostsAcked = measurement.AckedSteady,
            ExpectedDeliveries = expected,
            ReceivedDeliveries = measurement.SteadyDelivered,
            DeliveredInWindow = measurement.DeliveredInWindow,
            PostFailures = measurement.PostFailures,
            UnfinishedPosts = posts.Count(post => !post.IsCompleted),
            MissingDeliveries = Math.Max(0, expected - measurement.SteadyDelivered),
            SeqGaps = measurement.Gaps,
            Duplicates = measurement.Duplicates,
            ConnectionsLost = measurement.ConnectionsLost,
            ConnectRetries = retries,
            ErrorSamples = measurement.ErrorSamples,
            MachineBusyPercent = machineBusy,
            ClientCpuSeconds = clientCpu,
            ServerPid = server?.Pid,
            ServerCpuSeconds = serverCpu,
            ServerRssBytes = server?.RssBytes(),
            ServerPeakRssBytes = server?.PeakRssBytes(),
        };
    }

    /// <summary>Posts of one group, each sent when due without waiting for the previous acknowledgement.</summary>
    private static async Task<List<Task>> PostOnScheduleAsync(
        BenchGroup group, GroupsMeasurement measurement, long intervalTicks, string text, CancellationToken cancellation)
    {
        var posts = new List<Task>();
        var connection = group.Poster.Connection!;
        for (long k = 0; ; k++)
        {
            var due = group.ScheduleStart + k * intervalTicks;
            if (due >= measurement.SteadyEnd)
            {
                return posts;
            }
            await Schedule.DelayUntilAsync(due, cancellation);
            measurement.OnSend(due, Stopwatch.GetTimestamp());
            posts.Add(PostAsync(connection, group, k, due, text, measurement));
        }
    }

    private static async Task PostAsync(HubConnection connection, BenchGroup group, long clientSeq, long due, string text, GroupsMeasurement measurement)
    {
        try
        {
            await connection.InvokeAsync<System.Text.Json.JsonElement>(
                "PostMessage", group.Id, new { clientId = group.Poster.ClientId, clientSeq, text });
            measurement.OnAcked(due, Stopwatch.GetTimestamp());
        }
        catch (Exception error)
        {
            measurement.OnPostFailed(error);
        }
    }



    /// <summary>A feed message of the requested length, mostly Chinese as real posts are (3 bytes a character in UTF-8).</summary>
    private static string MessageText(int length)
    {
        const string sample = "明天下午三点在三楼会议室集体备课，请带上七年级数学第三单元的教案。";
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            text.Append(sample);
        }
        return text.ToString(0, length);
    }
}
