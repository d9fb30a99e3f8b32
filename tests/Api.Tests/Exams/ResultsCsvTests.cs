using System.Text;
using Collab.Api.Exams;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Tests.Exams.Logic;

namespace Collab.Api.Tests.Exams;

public sealed class ResultsCsvTests
{
    private static readonly IReadOnlyList<PaperQuestion> Paper = SamplePaper.Questions();

    private static string[] Lines(string csv)
    {
        Assert.StartsWith("\uFEFF", csv);
        Assert.EndsWith("\r\n", csv);
        Assert.DoesNotContain("\n", csv.Replace("\r\n", ""));
        return csv[1..^2].Split("\r\n");
    }

    [Fact]
    public void The_header_names_the_fixed_columns_then_each_question_in_paper_order()
    {
        var lines = Lines(ResultsCsv.Write([], Paper));
        Assert.Equal(["studentId,name,status,score,maxScore,pendingMarking,q1,q2,q3,q4,q5"], lines);
    }

    [Fact]
    public void Each_student_is_one_row_in_the_given_order_with_invariant_numbers_and_empty_cells_for_unmarked_questions()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var lines = Lines(ResultsCsv.Write(
            [
                new("s-2", "李四", AttemptStatuses.Submitted, 8.5m, 20, 1, new Dictionary<string, decimal> { ["q1"] = 2, ["q2"] = 0, ["q3"] = 1, ["q4"] = 1.50m }),
                new("s-1", "张三", AttemptStatuses.Submitted, 19.25m, 20, 0,
                    new Dictionary<string, decimal> { ["q1"] = 2, ["q2"] = 4, ["q3"] = 1, ["q4"] = 3, ["q5"] = 9.25m }),
                new("s-3", "王五", AttemptStatuses.Absent, 0, 20, 0, new Dictionary<string, decimal>()),
            ], Paper));
            Assert.Equal(4, lines.Length);
            Assert.Equal("s-2,李四,submitted,8.5,20,1,2,0,1,1.5,", lines[1]);
            Assert.Equal("s-1,张三,submitted,19.25,20,0,2,4,1,3,9.25", lines[2]);
            Assert.Equal("s-3,王五,absent,0,20,0,,,,,", lines[3]);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("Smith, John", "\"Smith, John\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("a=1", "a=1")]
    [InlineData("王-五", "王-五")]
    [InlineData("", "")]
    public void Text_cells_are_quoted_per_rfc_4180_and_formulas_neutralised(string name, string cell)
    {
        var csv = ResultsCsv.Write([new("s-1", name, AttemptStatuses.Submitted, 0, 20, 0, new Dictionary<string, decimal>())], Paper);
        Assert.EndsWith($"\r\ns-1,{cell},submitted,0,20,0,,,,,\r\n", csv);
    }

    [Fact]
    public void Student_and_question_ids_are_text_cells_too()
    {
        var question = Paper[0] with { Id = "=q,1" };
        var csv = ResultsCsv.Write([new("-s1", "n", AttemptStatuses.Submitted, 2, 2, 0, new Dictionary<string, decimal> { ["=q,1"] = 2 })], [question]);
        Assert.Equal(["studentId,name,status,score,maxScore,pendingMarking,\"'=q,1\"", "'-s1,n,submitted,2,2,0,2"], Lines(csv));
    }

    [Fact]
    public void Written_as_utf8_it_starts_with_the_byte_order_mark()
    {
        var bytes = Encoding.UTF8.GetBytes(ResultsCsv.Write([], Paper));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
    }

    [Fact]
    public void Random_names_read_back_cell_for_cell()
    {
        var random = new Random(4180);
        char[] alphabet = ['a', '学', ',', '"', '\n', '\r', ' ', '=', '-', '1'];
        for (var i = 0; i < 1000; i++)
        {
            var name = new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var csv = ResultsCsv.Write([new("s-1", name, AttemptStatuses.Submitted, 1, 20, 0, new Dictionary<string, decimal> { ["q1"] = 1 })], Paper);
            var rows = Rfc4180(csv[1..]);
            Assert.Equal(2, rows.Count);
            Assert.Equal(11, rows[1].Count);
            var expected = name.Length > 0 && name[0] is '=' or '-' or '\r' ? "'" + name : name;
            Assert.Equal(expected, rows[1][1]);
        }
    }

    /// <summary>A strict RFC 4180 reader, so the writer is checked against the format rather than against itself.</summary>
    private static List<List<string>> Rfc4180(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && cell.Length == 0)
            {
                i++;
                while (!(text[i] == '"' && (i + 1 == text.Length || text[i + 1] != '"')))
                {
                    cell.Append(text[i]);
                    i += text[i] == '"' ? 2 : 1;
                }
                i++;
                Assert.True(i == text.Length || text[i] == ',' || text[i] == '\r', "a quoted cell must end at a separator");
            }
            else if (text[i] == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
                i++;
            }
            else if (text[i] == '\r')
            {
                Assert.Equal('\n', text[i + 1]);
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i += 2;
            }
            else
            {
                Assert.NotEqual('"', text[i]);
                Assert.NotEqual('\n', text[i]);
                cell.Append(text[i++]);
            }
        }
        Assert.Empty(row);
        return rows;
    }
}
