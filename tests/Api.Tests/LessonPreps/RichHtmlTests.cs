using Collab.Api.LessonPreps;
using Collab.Ot.Rich;

namespace Collab.Api.Tests.LessonPreps;

public sealed class RichHtmlTests
{
    private static string Render(string json) => RichHtml.Render(Delta.Parse(json));

    [Theory]
    [InlineData("""[{"insert":"体会父爱\n"}]""", "<p>体会父爱</p>\n")]
    [InlineData("""[{"insert":"没有换行"}]""", "<p>没有换行</p>\n")]
    [InlineData("""[{"insert":"一\n\n二\n"}]""", "<p>一</p>\n<p><br></p>\n<p>二</p>\n")]
    [InlineData("""[{"insert":"教学目标"},{"insert":"\n","attributes":{"header":1}},{"insert":"小节"},{"insert":"\n","attributes":{"header":3}}]""", "<h1>教学目标</h1>\n<h3>小节</h3>\n")]
    [InlineData("""[{"insert":"坏级别"},{"insert":"\n","attributes":{"header":9}}]""", "<p>坏级别</p>\n")]
    [InlineData("""[{"insert":"a","attributes":{"bold":true}},{"insert":"b","attributes":{"italic":true}},{"insert":"c","attributes":{"underline":true}},{"insert":"\n"}]""", "<p><strong>a</strong><em>b</em><u>c</u></p>\n")]
    [InlineData("""[{"insert":"红","attributes":{"color":"#e60000"}},{"insert":"\n"}]""", "<p><span style=\"color:#e60000\">红</span></p>\n")]
    public void Lines_headings_and_inline_formats(string json, string html)
    {
        Assert.Equal(html, Render(json));
    }

    [Fact]
    public void Formats_adjacent_runs_share_stay_open_across_them()
    {
        var html = Render("""[{"insert":"粗","attributes":{"bold":true}},{"insert":"粗斜","attributes":{"bold":true,"italic":true}},{"insert":"粗","attributes":{"bold":true}},{"insert":"\n"}]""");

        Assert.Equal("<p><strong>粗<em>粗斜</em>粗</strong></p>\n", html);
    }

    [Fact]
    public void Text_and_attributes_are_escaped()
    {
        var html = Render("""[{"insert":"<script>alert('x')</script> & \"q\"","attributes":{"link":"https://example.org/?a=1&b=\"2\""}},{"insert":"\n"}]""");

        Assert.Equal("<p><a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\" rel=\"noopener noreferrer\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</a></p>\n", html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html,<b>x</b>")]
    [InlineData("vbscript:x")]
    [InlineData("//evil.example/x")]
    [InlineData("java\tscript:x")]
    public void A_link_with_an_unsafe_address_renders_as_plain_text(string link)
    {
        var html = Render($$$"""[{"insert":"点我","attributes":{"link":{{{System.Text.Json.JsonSerializer.Serialize(link)}}}}},{"insert":"\n"}]""");

        Assert.Equal("<p>点我</p>\n", html);
    }

    [Theory]
    [InlineData("https://example.org/a")]
    [InlineData("http://example.org/a")]
    [InlineData("mailto:teacher@example.org")]
    [InlineData("/lessonpreps/lp-2")]
    public void A_link_with_a_safe_address_renders(string link)
    {
        Assert.Contains($"<a href=\"{link}\"", Render($$$"""[{"insert":"链接","attributes":{"link":"{{{link}}}"}}]"""));
    }

    [Fact]
    public void A_colour_that_is_not_plain_hex_is_left_out()
    {
        Assert.Equal("<p>字</p>\n", Render("""[{"insert":"字","attributes":{"color":"red;background:url(javascript:x)"}},{"insert":"\n"}]"""));
    }

    [Fact]
    public void Lists_group_consecutive_items_and_change_with_their_kind()
    {
        var html = Render("""[{"insert":"一"},{"insert":"\n","attributes":{"list":"ordered"}},{"insert":"二"},{"insert":"\n","attributes":{"list":"ordered"}},{"insert":"点"},{"insert":"\n","attributes":{"list":"bullet"}},{"insert":"做完"},{"insert":"\n","attributes":{"list":"checked"}},{"insert":"没做"},{"insert":"\n","attributes":{"list":"unchecked"}},{"insert":"后记\n"}]""");

        Assert.Equal(
            "<ol>\n<li>一</li>\n<li>二</li>\n</ol>\n<ul>\n<li>点</li>\n<li class=\"checked\">☑ 做完</li>\n<li class=\"unchecked\">☐ 没做</li>\n</ul>\n<p>后记</p>\n",
            html);
    }

    [Fact]
    public void Table_cells_group_into_rows_by_their_row_id()
    {
        var html = Render("""[{"insert":"教师活动"},{"insert":"\n","attributes":{"table":"row-1"}},{"insert":"学生活动"},{"insert":"\n","attributes":{"table":"row-1"}},{"insert":"设计意图"},{"insert":"\n","attributes":{"table":"row-1"}},{"insert":"提问","attributes":{"bold":true}},{"insert":"\n","attributes":{"table":"row-2"}},{"insert":"回答"},{"insert":"\n","attributes":{"table":"row-2"}},{"insert":{"formula":"a<b"}},{"insert":"\n","attributes":{"table":"row-2"}},{"insert":"表后\n"}]""");

        Assert.Equal(
            "<table>\n<tr><td>教师活动</td><td>学生活动</td><td>设计意图</td></tr>\n<tr><td><strong>提问</strong></td><td>回答</td><td><span class=\"formula\" data-latex=\"a&lt;b\">\\(a&lt;b\\)</span></td></tr>\n</table>\n<p>表后</p>\n",
            html);
    }

    [Fact]
    public void Formulas_are_katex_ready_spans_and_images_keep_safe_sources_only()
    {
        var html = Render("""[{"insert":"面积 "},{"insert":{"formula":"S=\\pi r^2"}},{"insert":{"image":"/api/files/f-1"}},{"insert":{"image":"javascript:alert(1)"}},{"insert":{"image":"https://example.org/a\".png"}},{"insert":"\n"}]""");

        Assert.Equal(
            "<p>面积 <span class=\"formula\" data-latex=\"S=\\pi r^2\">\\(S=\\pi r^2\\)</span><img src=\"/api/files/f-1\" alt=\"\"><img src=\"https://example.org/a&quot;.png\" alt=\"\"></p>\n",
            html);
    }

    [Fact]
    public void An_unknown_embed_renders_nothing_and_an_empty_document_nothing_at_all()
    {
        Assert.Equal("<p>a</p>\n", Render("""[{"insert":"a"},{"insert":{"video":"https://example.org/v"}},{"insert":"\n"}]"""));
        Assert.Equal("", Render("[]"));
    }
}
