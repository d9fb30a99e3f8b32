using ClosedXML.Excel;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;

namespace Collab.Api.Exams;

/// <summary>
/// The analysis as an Excel workbook (ClosedXML): a sheet of every student's line with school, county and class, a
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
        Header(sheet, ["studentId", "name", "status", "schoolCode", "county", "classId", "score", "maxScore", "pendingMarking", .. questions.Select(q => q.Id)]);
        var row = 2;
        foreach (var student in analysis.Results.Students)
        {
            Text(sheet.Cell(row, 1), student.StudentId);
            Text(sheet.Cell(row, 2), student.Name);
            Text(sheet.Cell(row, 3), student.Status);
            Text(sheet.Cell(row, 4), student.SchoolCode);
            Text(sheet.Cell(row, 5), student.County);
            Text(sheet.Cell(row, 6), student.ClassId);
            Number(sheet.Cell(row, 7), student.Score);
            Number(sheet.Cell(row, 8), student.MaxScore);
            Number(sheet.Cell(row, 9), student.PendingMarking);
            for (var i = 0; i < questions.Count; i++)
            {
                Number(sheet.Cell(row, 10 + i), student.PerQuestion.TryGetValue(questions[i].Id, out var points) ? points : null);
            }
            row++;
        }
    }

    private static void Groups(IXLWorksheet sheet, IReadOnlyList<ResultGroup> groups)
    {
        Header(sheet, ["key", "name", "count", "submitted", "mean", "median", "max", "min"]);
        var row = 2;
        foreach (var group in groups)
        {
            Text(sheet.Cell(row, 1), group.Key);
            Text(sheet.Cell(row, 2), group.Name);
            Number(sheet.Cell(row, 3), group.Count);
            Number(sheet.Cell(row, 4), group.Submitted);
            Number(sheet.Cell(row, 5), group.Mean);
            Number(sheet.Cell(row, 6), group.Median);
            Number(sheet.Cell(row, 7), group.Max);
            Number(sheet.Cell(row, 8), group.Min);
            row++;
        }
    }

    private static void Items(IXLWorksheet sheet, IReadOnlyList<QuestionAnalysis> items)
    {
        Header(sheet, ["questionId", "kind", "maxPoints", "answered", "difficulty", "discrimination", "optionCounts"]);
        var row = 2;
        foreach (var item in items)
        {
            Text(sheet.Cell(row, 1), item.QuestionId);
            Text(sheet.Cell(row, 2), item.Kind);
            Number(sheet.Cell(row, 3), item.MaxPoints);
            Number(sheet.Cell(row, 4), item.Answered);
            Number(sheet.Cell(row, 5), item.Difficulty);
            Number(sheet.Cell(row, 6), item.Discrimination);
            Text(sheet.Cell(row, 7), item.OptionCounts is { } counts ? string.Join(" ", counts.Select(c => $"{c.Key}:{c.Value}")) : null);
            row++;
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
