using System.Globalization;
using Collab.Grains.Interfaces.Exams.Regrading;

namespace Collab.Grains.Exams.Regrading;

/// <summary>
/// The audit lines of one marking queue, read from the marks it stores (so they are as durable as the marks): each
/// mark, and each arbitration, which overrides the two disputed marks. Attempts are named by their anonymous reference.
/// </summary>
public static class MarkingAudit
{
    public static IReadOnlyList<AuditEntry> Entries(string questionId, IReadOnlyDictionary<string, MarkingItem> items) =>
        items
            .SelectMany(item => item.Value.Marks
                .Select(mark => new AuditEntry(mark.At, mark.MarkerId, AuditActions.Marked,
                    $"{Points(mark.Points)} points for {questionId} of {item.Key}", questionId, item.Key, mark.Points))
                .Concat(item.Value is { Arbitration: { } points, ArbitratedBy: { } by, ArbitratedAt: { } at }
                    ? [new AuditEntry(at, by, AuditActions.Arbitrated,
                        $"{Points(points)} points for {questionId} of {item.Key} by arbitration, over {string.Join(" and ", item.Value.Marks.Select(m => Points(m.Points)))}",
                        questionId, item.Key, points)]
                    : []))
            .OrderBy(entry => entry.At)
            .ThenBy(entry => entry.AttemptRef, StringComparer.Ordinal)
            .ToList();

    private static string Points(decimal points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
