namespace Collab.Bench;

/// <summary>One run of the exam scenario: the opening, the steady saving, the submission and the check of the results.</summary>
public sealed record ExamResult
{
    public required string Label { get; init; }
    public required int Candidates { get; init; }
    public required double JoinSeconds { get; init; }
    public required int SaveIntervalMs { get; init; }
    public required double DurationSeconds { get; init; }
    public required double LeadSeconds { get; init; }
    public required double ConnectSeconds { get; init; }
    public required int ConnectRetries { get; init; }
    public required double PublishMs { get; init; }
    /// <summary>From the publish reply to the end of the server's last busy 250 ms before opensAt: the preparation, seen from outside.</summary>
    public double? PrepareBusySeconds { get; init; }
    public double? PrepareCpuSeconds { get; init; }
    public required LatencySummary Join { get; init; }
    public required long JoinFailures { get; init; }
    public required double JoinWallSeconds { get; init; }
    public double? JoinServerCpuSeconds { get; init; }
    public required LatencySummary Ack { get; init; }
    public required LatencySummary SendLag { get; init; }
    public required long SavesSent { get; init; }
    public required long SavesAckedInWindow { get; init; }
    public required long SaveFailures { get; init; }
    public required long UnfinishedSaves { get; init; }
    public double? SaveServerCpuSeconds { get; init; }
    public required double MachineBusyPercent { get; init; }
    public required double ClientCpuSeconds { get; init; }
    public required LatencySummary Submit { get; init; }
    public required long SubmitFailures { get; init; }
    public required long CheckedAnswers { get; init; }
    public required long LostAnswers { get; init; }
    public required long UnexpectedAnswers { get; init; }
    public required long WrongStatus { get; init; }
    public required long Unverifiable { get; init; }
    public required long ConnectionsLost { get; init; }
    /// <summary>Stream events the candidates received in all, and how many were other people's <c>presence.changed</c>.</summary>
    public required long EventsReceived { get; init; }
    public required long PresenceReceived { get; init; }
    public required IReadOnlyList<string> ErrorSamples { get; init; }
    public int? ServerPid { get; init; }
    public long? ServerRssBytes { get; init; }
    public long? ServerPeakRssBytes { get; init; }
    /// <summary>With <c>--nodes</c> above 1: the peak RSS of each node after the first (whose figures are the ones above).</summary>
    public IReadOnlyList<long>? OtherNodesPeakRssBytes { get; init; }

    public double SavesPerSecond => SavesAckedInWindow / DurationSeconds;

    public long Errors => JoinFailures + SaveFailures + UnfinishedSaves + SubmitFailures + UnexpectedAnswers + WrongStatus + ConnectionsLost;

    public double? ServerCpuPerThousandSaves =>
        SaveServerCpuSeconds is { } cpu && SavesAckedInWindow > 0 ? cpu * 1000 / SavesAckedInWindow : null;

    public double? OtherCpuSeconds =>
        SaveServerCpuSeconds is { } server
            ? Math.Max(0, MachineBusyPercent / 100 * Environment.ProcessorCount * DurationSeconds - server - ClientCpuSeconds)
            : null;
}
