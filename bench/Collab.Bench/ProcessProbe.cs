using System.Globalization;

namespace Collab.Bench;

/// <summary>
/// CPU time and memory of a process on this machine, straight from <c>/proc</c>: the server is measured from the
/// outside, the same way for Collab and the baseline, without any cooperation from it.
/// </summary>
public sealed class ProcessProbe(int pid)
{
    // USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every mainstream Linux architecture.
    private const double ClockTicksPerSecond = 100;

    public int Pid => pid;

    /// <summary>User plus system CPU seconds the process has used since it started.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may contain spaces; fields after it start two characters past its ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state), so utime (field 14) and stime (field 15) are at 11 and 12.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / ClockTicksPerSecond;
    }

    public long RssBytes() => StatusKibibytes("VmRSS") * 1024;

    /// <summary>The high-water mark of resident memory since the process started.</summary>
    public long PeakRssBytes() => StatusKibibytes("VmHWM") * 1024;

    public bool IsAlive() => File.Exists($"/proc/{pid}/stat");

    private long StatusKibibytes(string key)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                var number = line[(key.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(number, CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException($"/proc/{pid}/status has no {key}");
    }
}
