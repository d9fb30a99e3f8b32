using ClosedXML.Excel;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;

namespace Collab.Api.Exams;

/// <summary>
/// The analysis as an Excel workbook (ClosedXML): a sheet of every student's line with school, county, class and room, a
/// sheet per dimension, and the item analysis. Text is stored as text, so a name that looks like a formula stays a
/// name; numbers are numbers; a figure that does not exist (nobody submitted) is an empty cell.
/// </summary>
public static class AnalysisWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(ExamAnalysis analysis)
    {
        using var workbook = new XLWorkbook();
        Students(workbook.AddWorksheet("Results"), analysis);
        foreach (var (dimension, groups) in analysis.Groups)
        {
            Groups(workbook.AddWorksheet($"By {dimension}"), groups);
        }
        Items(workbook.AddWorksheet("Items"), analysis.Items);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Students(IXLWorksheet sheet, ExamAnalysis analysis)
    {
        var questions = analysis.Questions;
        Header(sheet, ["studentId", "name", "status", "schoolCode", "county", "classId", "roomId", "score", "maxScore", "pendingMarking", .. questions.Select(q => q.Id)]);
        var row = 2;
        foreach (var student in analysis.Results.Students)
        {
            Line(sheet, row++,
            [
                student.StudentId, student.Name, student.Status, student.SchoolCode, student.County, student.ClassId, student.RoomId,
                student.Score, student.MaxScore, student.PendingMarking,
                .. questions.Select(q => (object?)(student.PerQuestion.TryGetValue(q.Id, out var points) ? points : null)),
            ]);
        }
    }

    private static void Groups(IXLWorksheet sheet, IReadOnlyList<ResultGroup> groups)
    {
        Header(sheet, ["key", "name", "count", "submitted", "mean", "median", "max", "min"]);
        var row = 2;
        foreach (var group in groups)
        {
            Line(sheet, row++, [group.Key, group.Name, group.Count, group.Submitted, group.Mean, group.Median, group.Max, group.Min]);
        }
    }

    private static void Items(IXLWorksheet sheet, IReadOnlyList<QuestionAnalysis> items)
    {
        Header(sheet, ["questionId", "kind", "maxPoints", "answered", "difficulty", "discrimination", "optionCounts"]);
        var row = 2;
        foreach (var item in items)
        {
            Line(sheet, row++,
            [
                item.QuestionId, item.Kind, item.MaxPoints, item.Answered, item.Difficulty, item.Discrimination,
                item.OptionCounts is { } counts ? string.Join(" ", counts.Select(c => $"{c.Key}:{c.Value}")) : null,
            ]);
        }
    }

    private static void Header(IXLWorksheet sheet, IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            Text(sheet.Cell(1, i + 1), names[i]);
        }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
    }

    /// <summary>One row from column 1: strings as text, numbers as numbers, a missing figure as an empty cell.</summary>
    private static void Line(IXLWorksheet sheet, int row, IReadOnlyList<object?> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var cell = sheet.Cell(row, i + 1);
            switch (values[i])
            {
                case string text:
                    Text(cell, text);
                    break;
                case int number:
                    Number(cell, number);
                    break;
                case decimal number:
                    Number(cell, number);
                    break;
                case double number:
                    Number(cell, (decimal)number);
                    break;
                case null:
                    break;
                default:
                    throw new ArgumentException($"no cell for a {values[i]!.GetType().Name}");
            }
        }
    }

    /// <summary>A text cell, never a formula: a name that starts with "=" opens as that name (the workbook test reads it back).</summary>
    private static void Text(IXLCell cell, string? value)
    {
        if (value is not null)
        {
            cell.SetValue(value);
            cell.DataType = XLDataType.Text;
        }
    }

    private static void Number(IXLCell cell, decimal? value)
    {
        if (value is { } number)
        {
            cell.SetValue(number);
        }
    }
}
