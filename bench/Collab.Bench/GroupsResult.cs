namespace Collab.Bench;

/// <summary>One run of the groups scenario against one server.</summary>
public sealed record GroupsResult
{
    public required string Label { get; init; }
    public required int Groups { get; init; }
    public required int Members { get; init; }
    public required int IntervalMs { get; init; }
    public required int TextLength { get; init; }
    public required double WarmupSeconds { get; init; }
    public required double DurationSeconds { get; init; }
    public required LatencySummary Delivery { get; init; }
    public required LatencySummary Ack { get; init; }
    public required LatencySummary SendLag { get; init; }
    public required long PostsDue { get; init; }
    public required long PostsAcked { get; init; }
    public required long ExpectedDeliveries { get; init; }
    public required long ReceivedDeliveries { get; init; }
    public required long DeliveredInWindow { get; init; }
    public required long PostFailures { get; init; }
    public required long UnfinishedPosts { get; init; }
    public required long MissingDeliveries { get; init; }
    public required long SeqGaps { get; init; }
    public required long Duplicates { get; init; }
    public required long ConnectionsLost { get; init; }
    public required int ConnectRetries { get; init; }
    public required IReadOnlyList<string> ErrorSamples { get; init; }
    public required double MachineBusyPercent { get; init; }
    public required double ClientCpuSeconds { get; init; }
    public int? ServerPid { get; init; }
    public double? ServerCpuSeconds { get; init; }
    public long? ServerRssBytes { get; init; }
    public long? ServerPeakRssBytes { get; init; }

    /// <summary>CPU used in the steady window by everything else on the machine: noise, on a shared 2-core box.</summary>
    public double? OtherCpuSeconds =>
        ServerCpuSeconds is { } server
            ? Math.Max(0, MachineBusyPercent / 100 * Environment.ProcessorCount * DurationSeconds - server - ClientCpuSeconds)
            : null;

    public double DeliveredPerSecond => DeliveredInWindow / DurationSeconds;

    public long Errors => PostFailures + UnfinishedPosts + MissingDeliveries + SeqGaps + ConnectionsLost;

    /// <summary>Server CPU seconds per 1,000 messages delivered in the steady window.</summary>
    public double? ServerCpuPerThousand =>
        ServerCpuSeconds is { } cpu && DeliveredInWindow > 0 ? cpu * 1000 / DeliveredInWindow : null;
}
