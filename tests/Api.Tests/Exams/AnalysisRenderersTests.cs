using ClosedXML.Excel;
using Collab.Api.Exams;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;
using Collab.Grains.Interfaces.Exams.Regrading;
using Collab.Grains.Tests.Exams.Logic;

namespace Collab.Api.Tests.Exams;

/// <summary>The analysis downloads on their own: the workbook read back with ClosedXML, the CSV's cells, the report's encoding.</summary>
public sealed class AnalysisRenderersTests
{
    private static readonly IReadOnlyList<PaperQuestion> Paper = SamplePaper.Questions();

    private static ExamAnalysis Analysis(string name = "=HYPERLINK(\"http://x\")", string school = "<b>第一中学</b>")
    {
        var students = new List<StudentResult>
        {
            new("s-1", name, AttemptStatuses.Submitted, 7.5m, 20, 1, new Dictionary<string, decimal> { ["q1"] = 2, ["q2"] = 4, ["q3"] = 1.5m }, "S1", "东城区", "C1", "R1"),
            new("s-2", "李四", AttemptStatuses.Absent, 0, 20, 0, new Dictionary<string, decimal>()),
        };
        var groups = new Dictionary<string, IReadOnlyList<ResultGroup>>
        {
            [AnalysisDimensions.School] = [new("S1", school, 1, 1, 7.5m, 7.5m, 7.5m, 7.5m), new("", "", 1, 0, null, null, null, null)],
            [AnalysisDimensions.County] = [new("东城区", "东城区", 2, 1, 7.5m, 7.5m, 7.5m, 7.5m)],
            [AnalysisDimensions.Class] = [new("C1", "七年级一班", 1, 1, 7.5m, 7.5m, 7.5m, 7.5m)],
            [AnalysisDimensions.Room] = [new("", "", 2, 1, 7.5m, 7.5m, 7.5m, 7.5m)],
        };
        var items = Paper.Select(q => new QuestionAnalysis(q.Id, q.Kind, q.Points, 1, q.Id == "q5" ? null : 0.75m, null,
            q.Kind == QuestionKinds.Single ? new Dictionary<string, int> { ["a"] = 0, ["b"] = 1 } : null)).ToList();
        var regrades = new List<Regrade> { new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero), "q1", "t-1", "答案<错>") };
        return new ExamAnalysis("期末 & 统考", "it", Paper, new ExamResults(students, new ResultStats(7.5m, 7.5m, new Dictionary<string, decimal>(), new int[10]), regrades), groups, items);
    }

    [Fact]
    public void The_workbook_keeps_text_as_text_numbers_as_numbers_and_missing_figures_empty()
    {
        using var workbook = new XLWorkbook(new MemoryStream(AnalysisWorkbook.Write(Analysis())));

        Assert.Equal(["Results", "By school", "By county", "By class", "By room", "Items"], workbook.Worksheets.Select(w => w.Name));
        var students = workbook.Worksheet("Results");
        var name = students.Cell(2, 2);
        Assert.False(name.HasFormula);
        Assert.Equal("=HYPERLINK(\"http://x\")", name.GetString());
        Assert.Equal(XLDataType.Number, students.Cell(2, 8).DataType);
        Assert.Equal(7.5, students.Cell(2, 8).GetDouble());
        Assert.Equal(("S1", "东城区", "C1", "R1"), (students.Cell(2, 4).GetString(), students.Cell(2, 5).GetString(), students.Cell(2, 6).GetString(), students.Cell(2, 7).GetString()));
        Assert.Equal(1.5, students.Cell(2, 13).GetDouble());
        Assert.True(students.Cell(2, 15).IsEmpty());
        Assert.True(students.Cell(3, 4).IsEmpty());
        Assert.True(students.Cell(3, 7).IsEmpty());

        var bySchool = workbook.Worksheet("By school");
        Assert.Equal(["key", "name", "count", "submitted", "mean", "median", "max", "min"], Enumerable.Range(1, 8).Select(c => bySchool.Cell(1, c).GetString()));
        Assert.Equal("<b>第一中学</b>", bySchool.Cell(2, 2).GetString());
        Assert.True(bySchool.Cell(3, 5).IsEmpty());
        Assert.Equal(0, bySchool.Cell(3, 4).GetDouble());

        var items = workbook.Worksheet("Items");
        Assert.Equal("a:0 b:1", items.Cell(2, 7).GetString());
        Assert.Equal(0.75, items.Cell(2, 5).GetDouble());
        Assert.True(items.Cell(6, 5).IsEmpty());
    }

    [Fact]
    public void The_csv_has_a_row_per_group_with_empty_cells_where_nobody_submitted_and_neutralised_formulas()
    {
        var groups = new List<ResultGroup> { new("=S1", "一中, 本部", 3, 2, 12.5m, 12.5m, 15, 10), new("", "", 1, 0, null, null, null, null) };

        var csv = AnalysisCsv.Write("school", groups);

        Assert.Equal("\uFEFFdimension,key,name,count,submitted,mean,median,max,min\r\nschool,'=S1,\"一中, 本部\",3,2,12.5,12.5,15,10\r\nschool,,,1,0,,,,\r\n", csv);
    }

    [Fact]
    public void The_report_encodes_every_user_text_and_shows_the_regrade_and_no_room_table_without_rooms()
    {
        var page = AnalysisReport.Render(Analysis(name: "<script>alert(1)</script>"));

        Assert.DoesNotContain("<b>第一中学", page);
        Assert.Contains("&lt;b&gt;第一中学&lt;/b&gt;", page);
        Assert.Contains("期末 &amp; 统考", page);
        Assert.Contains("答案&lt;错&gt;", page);
        Assert.Contains("data-regrade", page);
        Assert.Contains("data-dimension=\"county\"", page);
        Assert.DoesNotContain("data-dimension=\"room\"", page);
        Assert.Contains("未登记 Unplaced", page);
        Assert.DoesNotContain("<script", page);
    }
}
