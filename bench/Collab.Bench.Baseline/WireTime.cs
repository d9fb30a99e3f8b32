using System.Globalization;

namespace Collab.Bench.Baseline;

/// <summary>Times as Collab writes them (ISO-8601 UTC, milliseconds, <c>Z</c>), so payload sizes match.</summary>
public static class WireTime
{
    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
