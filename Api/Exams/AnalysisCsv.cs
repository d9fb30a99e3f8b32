using System.Globalization;
using System.Text;
using Collab.Grains.Interfaces.Exams.Analysis;

namespace Collab.Api.Exams;

/// <summary>
/// The results by one dimension as CSV, in the cell rules of <see cref="ResultsCsv"/> (RFC 4180, a byte order mark,
/// formulas neutralised): a row per group, empty score cells for a group where nobody submitted.
/// </summary>
public static class AnalysisCsv
{
    public static string Write(string dimension, IReadOnlyList<ResultGroup> groups)
    {
        var csv = new StringBuilder("\uFEFF");
        ResultsCsv.Row(csv, ["dimension", "key", "name", "count", "submitted", "mean", "median", "max", "min"]);
        foreach (var group in groups)
        {
            ResultsCsv.Row(csv,
            [
                ResultsCsv.Text(dimension), ResultsCsv.Text(group.Key), ResultsCsv.Text(group.Name),
                group.Count.ToString(CultureInfo.InvariantCulture), group.Submitted.ToString(CultureInfo.InvariantCulture),
                Number(group.Mean), Number(group.Median), Number(group.Max), Number(group.Min),
            ]);
        }
        return csv.ToString();
    }

    private static string Number(decimal? value) => value is { } v ? ResultsCsv.Number(v) : "";
}
