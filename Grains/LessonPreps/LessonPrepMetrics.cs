using System.Diagnostics.Metrics;
using Collab.Grains.Live;

namespace Collab.Grains.LessonPreps;

/// <summary>How well ops are group-committed: how many ops each op-log write carries, and how many waited for one under way.</summary>
public static class LessonPrepMetrics
{
    public const string OpsWaitedName = "collab.lessonprep.ops.waited";

    private static readonly Meter Meter = new(LiveMetrics.MeterName);

    private static readonly Histogram<int> OpsPerWrite = Meter.CreateHistogram<int>("collab.lessonprep.write.ops", "{op}",
        "ops appended to the op log by one write");

    private static readonly Counter<long> OpsWaited = Meter.CreateCounter<long>(OpsWaitedName, "{op}",
        "ops (and resends of ops) that arrived while an op-log write was under way and waited for a later write");

    public static void Written(int ops) => OpsPerWrite.Record(ops);

    public static void Waited() => OpsWaited.Add(1);
}
