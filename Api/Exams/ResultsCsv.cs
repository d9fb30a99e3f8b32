using System.Globalization;
using System.Text;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Api.Exams;

/// <summary>
/// The results as CSV (RFC 4180, CRLF) for a spreadsheet: one row per student in the given order, a column per
/// question in paper order.
/// </summary>
public static class ResultsCsv
{
    /// <summary>
    /// The text starts with a byte order mark (U+FEFF): written as UTF-8 it lets Excel recognise the encoding and
    /// show Chinese names instead of mojibake.
    /// </summary>
    public static string Write(IReadOnlyList<StudentResult> students, IReadOnlyList<PaperQuestion> questions)
    {
        var csv = new StringBuilder("\uFEFF");
        Row(csv, ["studentId", "name", "status", "score", "maxScore", "pendingMarking", .. questions.Select(question => Text(question.Id))]);
        foreach (var student in students)
        {
            Row(csv,
            [
                Text(student.StudentId), Text(student.Name), Text(student.Status), Number(student.Score), Number(student.MaxScore),
                student.PendingMarking.ToString(CultureInfo.InvariantCulture),
                .. questions.Select(question => student.PerQuestion.TryGetValue(question.Id, out var points) ? Number(points) : ""),
            ]);
        }
        return csv.ToString();
    }

    internal static void Row(StringBuilder csv, IEnumerable<string> cells) => csv.AppendJoin(',', cells).Append("\r\n");

    internal static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>
    /// A text cell, quoted when it must be. One starting like a formula (= + - @, or tab and carriage return, which
    /// some spreadsheets skip before reading a formula) gets a leading apostrophe so that it opens as text.
    /// </summary>
    internal static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
