using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Collab.Grains.Live;

/// <summary>The project's own meter: what every live grain does, by area (exported by the hosts' OpenTelemetry setup).</summary>
public static class LiveMetrics
{
    public const string MeterName = "Collab";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Commands = Meter.CreateCounter<long>("collab.commands", description: "commands applied and made durable");

    private static readonly Counter<long> Refusals = Meter.CreateCounter<long>("collab.commands.refused", description: "commands refused with an error code");

    private static readonly Counter<long> Events = Meter.CreateCounter<long>("collab.events", description: "durable events published");

    private static readonly Histogram<double> Acknowledgement = Meter.CreateHistogram<double>("collab.command.duration", "ms",
        "from the start of a command to its acknowledgement, the durable write included");

    public static void Applied(string area, long startedAt, int events)
    {
        var tag = new KeyValuePair<string, object?>("area", area);
        Commands.Add(1, tag);
        Events.Add(events, tag);
        Acknowledgement.Record(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds, tag);
    }

    public static void Refused(string area, string code) =>
        Refusals.Add(1, new KeyValuePair<string, object?>("area", area), new KeyValuePair<string, object?>("code", code));
}
