using System.Globalization;

namespace Collab.Bench;

/// <summary>The full detail of one exam run, as text.</summary>
public static class ExamReport
{
    public static void Write(ExamResult r, TextWriter output)
    {
        var saving = r.SaveIntervalMs == 0 ? "back to back (one save in flight per candidate)" : F($"every {r.SaveIntervalMs} ms each");
        output.WriteLine(F($"== exam [{r.Label}]: {r.Candidates} candidates starting within {r.JoinSeconds} s of opensAt, then saving {saving} for {r.DurationSeconds} s, then all submitting"));
        output.WriteLine(F($"setup: connections open in {r.ConnectSeconds:F1} s ({r.ConnectRetries} retried); publish {r.PublishMs:F0} ms; lead to opensAt {r.LeadSeconds:F1} s; server busy preparing {Number(r.PrepareBusySeconds, "F1")} s after publishing ({Number(r.PrepareCpuSeconds, "F2")} CPU s)"));
        output.WriteLine($"join latency (scheduled start -> StartAttempt reply)   {Latency(r.Join)}");
        output.WriteLine(F($"  all started {r.JoinWallSeconds:F1} s after opensAt; server {Number(r.JoinServerCpuSeconds, "F2")} CPU s = {Number(PerThousand(r.JoinServerCpuSeconds, r.Join.Count), "F3")} CPU s per 1,000 starts; failures {r.JoinFailures}"));
        output.WriteLine($"ack latency (scheduled send -> SaveAnswer reply)       {Latency(r.Ack)}");
        output.WriteLine($"send lag (load generator late vs schedule)             {Latency(r.SendLag)}");
        output.WriteLine(F($"durable saves: {r.SavesPerSecond:F1}/s acknowledged in the steady window ({r.SavesAckedInWindow}); {r.SavesSent} sent in all; failures {r.SaveFailures}, unacknowledged after the drain {r.UnfinishedSaves}"));
        output.WriteLine($"submit latency (all at once -> Submit reply)           {Latency(r.Submit)}");
        output.WriteLine(F($"results: {r.CheckedAnswers} acknowledged answers checked, LOST {r.LostAnswers}; never-acknowledged shown answered {r.UnexpectedAnswers}; not submitted {r.WrongStatus}; not checkable (a later save failed) {r.Unverifiable}"));
        output.WriteLine(F($"errors: {r.Errors} (join {r.JoinFailures}, save {r.SaveFailures}, unacknowledged saves {r.UnfinishedSaves}, submit {r.SubmitFailures}, unexpected answers {r.UnexpectedAnswers}, not submitted {r.WrongStatus}, connections lost {r.ConnectionsLost}); lost answers {r.LostAnswers}"));
        output.WriteLine(F($"events pushed to candidates: {r.EventsReceived}, of which presence.changed {r.PresenceReceived}"));
        foreach (var sample in r.ErrorSamples)
        {
            output.WriteLine($"  e.g. {sample}");
        }
        if (r.ServerPid is { } pid)
        {
            output.WriteLine(F($"server pid {pid}: {r.SaveServerCpuSeconds:F2} CPU s in the steady window = {r.ServerCpuPerThousandSaves:F3} CPU s per 1,000 saves; RSS {Mib(r.ServerRssBytes):F1} MiB now, {Mib(r.ServerPeakRssBytes):F1} MiB peak"));
        }
        output.WriteLine(F($"machine: {r.MachineBusyPercent:F0}% of {Environment.ProcessorCount} cores busy in the steady window; load generator used {r.ClientCpuSeconds:F2} CPU s, other processes {Number(r.OtherCpuSeconds, "F2")} CPU s"));
    }

    private static double? PerThousand(double? cpu, long count) => cpu is { } c && count > 0 ? c * 1000 / count : null;

    private static string Latency(LatencySummary s) =>
        F($"ms: p50 {s.P50:F1}  p95 {s.P95:F1}  p99 {s.P99:F1}  max {s.Max:F1}  (n={s.Count})");

    private static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";

    private static double? Mib(long? bytes) => bytes / (1024.0 * 1024.0);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
