using Collab.Api.LessonPreps;
using Collab.Ot.Rich;

namespace Collab.Api.Tests.LessonPreps;

public sealed class RichMarkdownTests
{
    private static string Render(string json) => RichMarkdown.Render(Delta.Parse(json));

    [Theory]
    [InlineData("""[{"insert":"体会父爱\n"}]""", "体会父爱\n")]
    [InlineData("""[{"insert":"一\n二\n"}]""", "一\n\n二\n")]
    [InlineData("""[{"insert":"教学目标"},{"insert":"\n","attributes":{"header":2}}]""", "## 教学目标\n")]
    [InlineData("""[{"insert":"粗","attributes":{"bold":true}},{"insert":"斜","attributes":{"italic":true}},{"insert":"下","attributes":{"underline":true}},{"insert":"红","attributes":{"color":"#e60000"}},{"insert":"\n"}]""", "**粗***斜*<u>下</u>红\n")]
    [InlineData("""[{"insert":"粗","attributes":{"bold":true}},{"insert":"粗斜","attributes":{"bold":true,"italic":true}},{"insert":"\n"}]""", "**粗*粗斜***\n")]
    [InlineData("""[{"insert":"看这里","attributes":{"link":"https://example.org/a b(c)"}},{"insert":"\n"}]""", "[看这里](<https://example.org/a b(c)>)\n")]
    [InlineData("""[{"insert":"坏","attributes":{"link":"javascript:alert(1)"}},{"insert":"\n"}]""", "坏\n")]
    [InlineData("""[{"insert":"面积 "},{"insert":{"formula":"S=\\pi r^2"}},{"insert":"\n"}]""", "面积 $S=\\pi r^2$\n")]
    [InlineData("""[{"insert":{"formula":"\\|v\\|"}},{"insert":"\n"}]""", "$\\|v\\|$\n")]
    [InlineData("""[{"insert":{"image":"/api/files/f-1"}},{"insert":{"image":"javascript:x"}},{"insert":"\n"}]""", "![](</api/files/f-1>)\n")]
    [InlineData("[]", "")]
    public void Lines_headings_inline_formats_and_embeds(string json, string markdown)
    {
        Assert.Equal(markdown, Render(json));
    }

    [Theory]
    [InlineData("*不是强调* _也不是_", "\\*不是强调\\* \\_也不是\\_")]
    [InlineData("[链接](x) ![图](y)", "\\[链接\\](x) \\!\\[图\\](y)")]
    [InlineData("<b>标签</b> & `代码` | 竖线 $5 ~删~ a\\b", "\\<b\\>标签\\</b\\> \\& \\`代码\\` \\| 竖线 \\$5 \\~删\\~ a\\\\b")]
    [InlineData("# 不是标题", "\\# 不是标题")]
    [InlineData("- 不是列表", "\\- 不是列表")]
    [InlineData("+ 也不是", "\\+ 也不是")]
    [InlineData("1. 不是编号", "1\\. 不是编号")]
    [InlineData("2) 也不是", "2\\) 也不是")]
    [InlineData("    不是代码", "&#32;&#32;&#32;&#32;不是代码")]
    [InlineData("=== 不是标题线", "\\=== 不是标题线")]
    [InlineData("2026年", "2026年")]
    public void Text_never_turns_into_markup(string text, string markdown)
    {
        Assert.Equal(markdown + "\n", Render($$"""[{"insert":{{System.Text.Json.JsonSerializer.Serialize(text + "\n")}}}]"""));
    }

    [Fact]
    public void Lists_are_numbered_bulleted_and_ticked()
    {
        var markdown = Render("""[{"insert":"一"},{"insert":"\n","attributes":{"list":"ordered"}},{"insert":"二"},{"insert":"\n","attributes":{"list":"ordered"}},{"insert":"点"},{"insert":"\n","attributes":{"list":"bullet"}},{"insert":"做完"},{"insert":"\n","attributes":{"list":"checked"}},{"insert":"没做"},{"insert":"\n","attributes":{"list":"unchecked"}},{"insert":"后记\n"}]""");

        Assert.Equal("1. 一\n2. 二\n\n- 点\n- [x] 做完\n- [ ] 没做\n\n后记\n", markdown);
    }

    [Fact]
    public void A_table_has_its_first_row_as_header_and_pads_short_rows()
    {
        var markdown = Render("""[{"insert":"教师活动"},{"insert":"\n","attributes":{"table":"row-1"}},{"insert":"学生活动"},{"insert":"\n","attributes":{"table":"row-1"}},{"insert":"提问 | 追问","attributes":{"bold":true}},{"insert":"\n","attributes":{"table":"row-2"}},{"insert":{"formula":"|x|"}},{"insert":"\n","attributes":{"table":"row-2"}},{"insert":"只一格"},{"insert":"\n","attributes":{"table":"row-3"}},{"insert":"表后\n"}]""");

        Assert.Equal(
            "| 教师活动 | 学生活动 |\n| --- | --- |\n| **提问 \\| 追问** | $\\|x\\|$ |\n| 只一格 |  |\n\n表后\n",
            markdown);
    }
}
