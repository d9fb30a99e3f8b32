using System.Globalization;

namespace Collab.Bench;

/// <summary>
/// Whole-machine CPU use from <c>/proc/stat</c>. Server and load generator share two cores, so a run is only
/// meaningful while the machine is not saturated; the report shows how busy it was.
/// </summary>
public readonly record struct MachineCpu(long BusyTicks, long TotalTicks)
{
    public static MachineCpu Sample()
    {
        var first = File.ReadLines("/proc/stat").First();
        var ticks = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(value => long.Parse(value, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal [guest guest_nice, already counted in user and nice]
        var total = ticks.Take(8).Sum();
        var idle = ticks[3] + ticks[4];
        return new MachineCpu(total - idle, total);
    }

    /// <summary>Percent of all cores busy between two samples.</summary>
    public static double BusyPercent(MachineCpu start, MachineCpu end) =>
        end.TotalTicks == start.TotalTicks ? 0 : 100.0 * (end.BusyTicks - start.BusyTicks) / (end.TotalTicks - start.TotalTicks);
}
