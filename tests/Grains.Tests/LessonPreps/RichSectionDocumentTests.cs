using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.LessonPreps;
using Collab.Ot.Rich;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>
/// The plan's OT server with rich sections: concurrent Quill changes converge the way quill-delta's clients expect,
/// comments follow the text, a replay rebuilds the content, and every refusal leaves the section as it was.
/// </summary>
public sealed class RichSectionDocumentTests
{
    private static readonly string[] Characters = ["a", "b", " ", "\n", "中", "课"];

    private static LessonPrepState Plan(string content) => new()
    {
        Sections =
        [
            new LessonSection { Key = "process", Title = "教学过程", Format = SectionFormats.Rich, Content = content },
            new LessonSection { Key = "notes", Title = "备注", Text = "纯文本" },
        ],
    };

    private static RichSectionChange Change(string json) => RichSectionChange.Submitted(json);

    private static Delta Content(LessonPrepState plan) => plan.Sections[0].RichContent();

    [Fact]
    public void Two_inserts_at_one_place_keep_the_first_applied_first()
    {
        var plan = Plan("""[{"insert":"浮力\n"}]""");
        var document = new LessonPlanDocument(plan, window: 100);

        document.Receive("process", 0, Change("""[{"retain":2},{"insert":"A"}]"""));
        var late = document.Receive("process", 0, Change("""[{"retain":2},{"insert":"B","attributes":{"bold":true}}]"""));

        Assert.Equal(Delta.Parse("""[{"retain":3},{"insert":"B","attributes":{"bold":true}}]"""), ((RichSectionChange)late.Change).Change);
        Assert.Equal(Delta.Parse("""[{"insert":"浮力A"},{"insert":"B","attributes":{"bold":true}},{"insert":"\n"}]"""), Content(plan));
        Assert.Equal(2, plan.Revision);
    }

    [Fact]
    public void A_format_made_concurrently_with_an_insert_covers_the_text_it_was_made_on()
    {
        var plan = Plan("""[{"insert":"理解浮力\n"}]""");
        var document = new LessonPlanDocument(plan, window: 100);

        document.Receive("process", 0, Change("""[{"insert":"初步"}]"""));
        document.Receive("process", 0, Change("""[{"retain":2},{"retain":2,"attributes":{"bold":true}}]"""));

        Assert.Equal(Delta.Parse("""[{"insert":"初步理解"},{"insert":"浮力","attributes":{"bold":true}},{"insert":"\n"}]"""), Content(plan));
    }

    [Theory]
    [InlineData(9101)]
    [InlineData(9102)]
    [InlineData(9103)]
    [InlineData(9104)]
    [InlineData(9105)]
    public void Both_orders_of_two_concurrent_changes_converge_as_quill_clients_compute_them(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            var start = Document(random);
            var plan = Plan(start.ToJson());
            var document = new LessonPlanDocument(plan, window: 100);
            var first = InlineChange(random, start);
            var second = InlineChange(random, start);

            document.Receive("process", 0, new RichSectionChange(first));
            document.Receive("process", 0, new RichSectionChange(second));

            // The second editor applied its own change, then receives the first as the server sent it.
            var atSecond = start.Compose(second).Compose(second.Transform(first, priority: false));
            Assert.Equal(atSecond, Content(plan));
            Assert.Equal(start.Compose(first).Compose(first.Transform(second, priority: true)), Content(plan));
        }
    }

    [Theory]
    [InlineData(9201)]
    [InlineData(9202)]
    public void Replaying_the_applied_changes_rebuilds_the_same_content_comments_and_revision(int seed)
    {
        var random = new Random(seed);
        var plan = Plan("""[{"insert":"课堂导入\n"}]""");
        plan.Comments.Add(new LessonComment { Id = "c1", Section = "process", Start = 1, End = 3, Text = "好" });
        var document = new LessonPlanDocument(plan, window: 100);
        var log = new List<AppliedOp>();
        var contents = new List<Delta> { Content(plan) };
        for (var i = 0; i < 200; i++)
        {
            // Made on a revision up to two behind, as an editor whose acknowledgement is still on its way.
            var baseRevision = Math.Max(0, plan.Revision - random.Next(3));
            log.Add(document.Receive("process", baseRevision, new RichSectionChange(InlineChange(random, contents[(int)baseRevision]))));
            contents.Add(Content(plan));
        }

        var replayed = Plan("""[{"insert":"课堂导入\n"}]""");
        replayed.Comments.Add(new LessonComment { Id = "c1", Section = "process", Start = 1, End = 3, Text = "好" });
        var again = new LessonPlanDocument(replayed, window: 100);
        foreach (var op in log)
        {
            again.Replay(op.Section, op.Revision, again.ParseStored(op.Section, op.Revision, op.Change.ToJson()));
        }

        Assert.Equal(Content(plan), Content(replayed));
        Assert.Equal(plan.Revision, replayed.Revision);
        Assert.Equal((plan.Comments[0].Start, plan.Comments[0].End), (replayed.Comments[0].Start, replayed.Comments[0].End));
    }

    [Fact]
    public void A_comment_range_grows_with_text_typed_inside_it_and_not_at_its_edges()
    {
        var plan = Plan("""[{"insert":"abcdef\n"}]""");
        plan.Comments.Add(new LessonComment { Id = "c1", Section = "process", Start = 2, End = 4, Text = "?" });
        var document = new LessonPlanDocument(plan, window: 100);

        document.Receive("process", 0, Change("""[{"retain":2},{"insert":"X"}]"""));
        document.Receive("process", 1, Change("""[{"retain":4},{"insert":"Y"}]"""));
        document.Receive("process", 2, Change("""[{"retain":6},{"insert":"Z"}]"""));

        Assert.Equal((3, 6), (plan.Comments[0].Start, plan.Comments[0].End));
    }

    [Theory]
    [InlineData("""[{"retain":9},{"insert":"x"}]""", ErrorCodes.InvalidArgument)]
    [InlineData("""[{"insert":"x","attributes":{"font":"serif"}}]""", ErrorCodes.InvalidArgument)]
    [InlineData("""[{"insert":{"image":"data:image/png;base64,AAAA"}}]""", ErrorCodes.InvalidArgument)]
    [InlineData("""[{"retain":1},{"retain":1,"attributes":{"header":1}}]""", ErrorCodes.InvalidArgument)]
    [InlineData("""[1,"x"]""", ErrorCodes.InvalidArgument)]
    [InlineData("""{"ops":[]}""", ErrorCodes.InvalidArgument)]
    public void A_refused_change_leaves_the_section_and_revision_as_they_were(string json, string code)
    {
        var plan = Plan("""[{"insert":"浮力\n"}]""");
        var document = new LessonPlanDocument(plan, window: 100);
        var before = Content(plan);

        var refused = Assert.Throws<CollabException>(() => document.Receive("process", 0, document.ParseSubmitted("process", json)));

        Assert.Equal(code, refused.Code);
        Assert.Equal(before, Content(plan));
        Assert.Equal(0, plan.Revision);
    }

    [Fact]
    public void A_change_that_would_grow_the_section_past_its_limit_is_too_large()
    {
        var plan = Plan($$"""[{"insert":"{{new string('a', 99_990)}}\n"}]""");
        var document = new LessonPlanDocument(plan, window: 100);

        var refused = Assert.Throws<CollabException>(() =>
            document.Receive("process", 0, Change($$"""[{"insert":"{{new string('b', 20)}}"}]""")));

        Assert.Equal(ErrorCodes.TooLarge, refused.Code);
        Assert.Equal(99_991, Content(plan).Length);
    }

    [Fact]
    public void Each_section_reads_changes_in_its_own_format()
    {
        var plan = Plan("""[{"insert":"浮力\n"}]""");
        var document = new LessonPlanDocument(plan, window: 100);

        Assert.IsType<RichSectionChange>(document.ParseSubmitted("process", """[{"insert":"x"}]"""));
        Assert.IsType<PlainSectionChange>(document.ParseSubmitted("notes", """["x",3]"""));
        Assert.Equal(ErrorCodes.InvalidArgument,
            Assert.Throws<CollabException>(() => document.ParseSubmitted("notes", """[{"insert":"x"}]""")).Code);
    }

    private static Delta Document(Random random)
    {
        var builder = new DeltaBuilder();
        for (var i = random.Next(5); i > 0; i--)
        {
            builder.Insert(Text(random), random.Next(3) == 0 ? AttributeMap.Of(("bold", AttributeValue.Of(true))) : null);
        }
        return builder.Insert("\n").Build();
    }

    /// <summary>Inserts, deletes and inline formats only (never the last line break): every one of them the rules accept.</summary>
    private static Delta InlineChange(Random random, Delta document)
    {
        var editable = document.Length - 1;
        var builder = new DeltaBuilder();
        var at = 0;
        while (at < editable && random.Next(4) != 0)
        {
            var span = 1 + random.Next(Math.Min(3, editable - at));
            switch (random.Next(4))
            {
                case 0:
                    builder.Insert(Text(random), random.Next(2) == 0 ? AttributeMap.Of(("italic", AttributeValue.Of(true))) : null);
                    break;
                case 1:
                    builder.Delete(span);
                    at += span;
                    break;
                case 2:
                    builder.Retain(span, AttributeMap.Of(("bold", random.Next(2) == 0 ? AttributeValue.Of(true) : AttributeValue.Null)));
                    at += span;
                    break;
                default:
                    builder.Retain(span);
                    at += span;
                    break;
            }
        }
        if (random.Next(2) == 0)
        {
            builder.Insert(Text(random), AttributeMap.Of(("color", AttributeValue.Of("#0066cc"))));
        }
        return builder.Build();
    }

    private static string Text(Random random) =>
        string.Concat(Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Characters[random.Next(Characters.Length)]));
}
