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

    /// <summary>
    /// <paramref name="command"/> is the grain method that ran it, without its <c>Async</c> suffix: so
    /// <c>area=exam-attempts, command=SaveAnswer</c> counts the answers saved.
    /// </summary>
    public static void Applied(string area, string command, long startedAt, int events)
    {
        var tags = Tags(area, command);
        Commands.Add(1, tags);
        Events.Add(events, tags);
        Acknowledgement.Record(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds, tags);
    }

    public static void Refused(string area, string code) =>
        Refusals.Add(1, new KeyValuePair<string, object?>("area", area), new KeyValuePair<string, object?>("code", code));

    public static void Refused(string area, string command, string code)
    {
        var tags = Tags(area, command);
        tags.Add("code", code);
        Refusals.Add(1, tags);
    }

    private static TagList Tags(string area, string command) =>
        new() { { "area", area }, { "command", command.EndsWith("Async", StringComparison.Ordinal) ? command[..^5] : command } };
}
