using System.Globalization;

namespace Collab.Bench;

/// <summary>One run of the classroom scenario, and its report as text.</summary>
public sealed record ClassroomResult
{
    public required string Label { get; init; }
    public required int Classes { get; init; }
    public required int ClassSize { get; init; }
    public required double AnswerSeconds { get; init; }
    public required double ConnectSeconds { get; init; }
    public required LatencySummary Ack { get; init; }
    public required long AnswerFailures { get; init; }
    public required int Unacknowledged { get; init; }
    /// <summary>From the last answer's acknowledgement to the host's receipt of the first tally counting every answer.</summary>
    public required double? LastAnswerToHostTallyMs { get; init; }
    /// <summary>Per answer: from its acknowledgement to the host's first tally that counts it.</summary>
    public required LatencySummary TallyLag { get; init; }
    public required int HostTallies { get; init; }
    /// <summary>Per assistant: from the last answer's acknowledgement to their first tally counting every answer.</summary>
    public required LatencySummary AssistantFullTally { get; init; }
    public required int AssistantsMissingTally { get; init; }
    public required LatencySummary Pushed { get; init; }
    public required LatencySummary Revealed { get; init; }
    public required long StudentJumps { get; init; }
    public required int StudentsWithJumps { get; init; }
    public required long StaffJumps { get; init; }
    public required long StudentGaps { get; init; }
    public required long StaffGaps { get; init; }
    /// <summary>Whether the server chained its events for everyone (<c>prev</c>); B0 does not, so every jump counts there.</summary>
    public required bool Chained { get; init; }
    public required long TallyEventsToStudents { get; init; }
    public required long OthersAnswersToStudents { get; init; }
    public required int ExpectedAnswered { get; init; }
    public required int ExpectedCorrect { get; init; }
    public required int ReportAnswered { get; init; }
    public required int ReportCorrect { get; init; }
    public required long ConnectionsLost { get; init; }
    public double? AnswerServerCpuSeconds { get; init; }
    public required double MachineBusyPercent { get; init; }
    public required double ClientCpuSeconds { get; init; }
    public long? ServerPeakRssBytes { get; init; }
    public required IReadOnlyList<string> ErrorSamples { get; init; }

    public int Students => Classes * ClassSize;

    /// <summary>What fails the run: a refused or unanswered answer, a missing tally, a wrong report, a leak to students.</summary>
    public long Errors => StudentGaps + StaffGaps + AnswerFailures + Unacknowledged + AssistantsMissingTally + ConnectionsLost + TallyEventsToStudents + OthersAnswersToStudents
        + (LastAnswerToHostTallyMs is null ? 1 : 0) + (ReportAnswered != Students || ReportCorrect != ExpectedCorrect ? 1 : 0)
        + Students - Revealed.Count;

    public void Write(TextWriter output)
    {
        output.WriteLine(F($"== classroom [{Label}]: 1 host class + {Classes - 1} linked classes x {ClassSize} students = {Students} students, {Classes} teachers; every student answers once within {AnswerSeconds} s of the push"));
        output.WriteLine(F($"setup: {Students + Classes} connections open and joined in {ConnectSeconds:F1} s"));
        output.WriteLine($"question.pushed fan-out (host's call -> each student)   {Latency(Pushed)}");
        output.WriteLine($"answer ack (scheduled moment -> Answer reply)           {Latency(Ack)}");
        output.WriteLine(F($"last answer acknowledged -> host's tally counting it: {Number(LastAnswerToHostTallyMs)} ms (target 1,000 ms); {HostTallies} tally.updated to the host"));
        output.WriteLine($"each answer acknowledged -> host's tally counting it    {Latency(TallyLag)}");
        output.WriteLine($"last answer -> each assistant's tally counting it       {Latency(AssistantFullTally)}");
        output.WriteLine($"answer.revealed fan-out (host's call -> each student)   {Latency(Revealed)}");
        output.WriteLine(F($"report: {ReportAnswered} answered (expected {Students}), {ReportCorrect} correct (expected {ExpectedCorrect})"));
        output.WriteLine(F($"seq jumps (a client without prev Syncs on each): students {StudentJumps} ({StudentsWithJumps} of {Students} students), host and assistants {StaffJumps}"));
        output.WriteLine(Chained
            ? F($"gaps by prev (a classroom client Syncs on these only): students {StudentGaps}, host and assistants {StaffGaps}")
            : "no prev on the events: every jump is a Sync");
        output.WriteLine(F($"answer window: server {Number(AnswerServerCpuSeconds, "F2")} CPU s, load generator {ClientCpuSeconds:F2} CPU s, machine {MachineBusyPercent:F0} % busy; server peak RSS {Number(ServerPeakRssBytes / 1048576.0, "F0")} MiB"));
        output.WriteLine(F($"errors: {Errors} (gaps by prev {StudentGaps + StaffGaps}, answers refused {AnswerFailures}, unacknowledged {Unacknowledged}, assistants without the full tally {AssistantsMissingTally}, connections lost {ConnectionsLost}, tallies to students {TallyEventsToStudents}, others' answers to students {OthersAnswersToStudents}, students without the reveal {Students - Revealed.Count})"));
        foreach (var sample in ErrorSamples)
        {
            output.WriteLine($"  e.g. {sample}");
        }
    }

    private static string Latency(LatencySummary s) =>
        F($"n={s.Count,6}  p50 {s.P50,8:F1} ms  p95 {s.P95,8:F1} ms  p99 {s.P99,8:F1} ms  max {s.Max,8:F1} ms");

    private static string Number(double? value, string format = "F0") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "n/a";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
