using Collab.Client;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.LessonPreps;
using Collab.Grains.Tests.LessonPreps.Text.Support;
using Collab.Ot;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>
/// The plan's OT server on its own: the client library's editors of several sections against it, with ops delayed,
/// reordered and resent under fixed seeds; and each refusal leaving the document as it was.
/// </summary>
public sealed class LessonPlanDocumentTests
{
    private static readonly string[] Keys = ["objectives", "process"];

    private static LessonPrepState Plan(params string[] texts) => new()
    {
        Sections = Keys.Zip(texts, (key, text) => new LessonSection { Key = key, Title = key, Text = text }).ToList(),
    };

    private static TextOperation Insert(int at, string text, int after)
    {
        var components = new List<OpComponent>();
        if (at > 0)
        {
            components.Add(OpComponent.Retain(at));
        }
        components.Add(OpComponent.Insert(text));
        if (after > 0)
        {
            components.Add(OpComponent.Retain(after));
        }
        return TextOperation.Create(components);
    }

    [Theory]
    [InlineData(2001)]
    [InlineData(2002)]
    [InlineData(2003)]
    [InlineData(2004)]
    public void Editors_of_every_section_converge_on_the_documents_text(int seed)
    {
        var random = new Random(seed);
        var plan = Plan("理解浮力", "");
        var document = new LessonPlanDocument(plan, window: 10_000);
        var session = new SimulatedSession<TextOperation, string>(
            Enumerable.Range(0, 4).Select(i => new SectionEditor($"u{i}", $"c{i}", Keys[i % Keys.Length], 0, plan.Sections[i % Keys.Length].Text)),
            (op, userId) =>
            {
                var result = document.Receive(op.Section, op.BaseRevision, op.Operation);
                return new OpApplied<TextOperation>(result.Revision, result.Section, result.Operation, userId, op.ClientId, op.ClientSeq);
            },
            RandomOps.Operation);

        for (var step = 0; step < 3000; step++)
        {
            session.Step(random);
        }
        session.Drain();

        Assert.True(session.Applied > 100, $"seed {seed}: only {session.Applied} ops were applied");
        Assert.Equal(session.Applied, document.Revision);
        foreach (var client in session.Clients)
        {
            Assert.True(client.Editor.Idle, $"seed {seed}: {client.Editor.ClientId} still has an op unacknowledged");
            Assert.Equal(document.Section(client.Editor.Section).Text, client.Editor.Content);
        }
    }

    [Theory]
    [InlineData(3001)]
    [InlineData(3002)]
    public void Comment_anchors_stay_within_their_section_and_in_order(int seed)
    {
        var random = new Random(seed);
        var plan = Plan("牛顿第一定律的内容与意义", "实验导入");
        for (var i = 0; i < 6; i++)
        {
            var key = Keys[i % 2];
            var length = CodePoints.Count(plan.Sections[i % 2].Text);
            var start = random.Next(length + 1);
            plan.Comments.Add(new LessonComment { Id = $"m{i}", Section = key, Start = start, End = random.Next(start, length + 1) });
        }
        var document = new LessonPlanDocument(plan, window: 50);

        for (var step = 0; step < 2000; step++)
        {
            var section = plan.Sections[random.Next(2)];
            document.Receive(section.Key, document.Revision, RandomOps.Operation(random, section.Text));
            foreach (var comment in plan.Comments)
            {
                var length = CodePoints.Count(document.Section(comment.Section).Text);
                Assert.True(0 <= comment.Start && comment.Start <= comment.End && comment.End <= length,
                    $"seed {seed} step {step}: comment {comment.Id} at {comment.Start}..{comment.End} of {length}");
            }
        }
    }

    [Fact]
    public void A_comment_keeps_pointing_at_its_words_as_text_is_typed_before_and_at_its_edges()
    {
        var plan = Plan("理解浮力", "");
        plan.Comments.Add(new LessonComment { Id = "m1", Section = "objectives", Start = 2, End = 4 });
        var document = new LessonPlanDocument(plan, window: 10);

        document.Receive("objectives", 0, Insert(0, "初步", 4));
        document.Receive("objectives", 1, Insert(6, "和应用", 0));

        var comment = plan.Comments[0];
        Assert.Equal("浮力", CodePoints.Slice(plan.Sections[0].Text, comment.Start, comment.End - comment.Start));
    }

    [Fact]
    public void An_op_on_an_older_revision_is_transformed_through_the_ops_of_its_section_only()
    {
        var plan = Plan("浮力", "导入");
        var document = new LessonPlanDocument(plan, window: 10);
        document.Receive("objectives", 0, Insert(0, "理解", 2));
        document.Receive("process", 1, Insert(2, "实验", 0));

        var late = document.Receive("objectives", 0, Insert(2, "原理", 0));

        Assert.Equal(3, late.Revision);
        Assert.Equal(Insert(4, "原理", 0), late.Operation);
        Assert.Equal("理解浮力原理", plan.Sections[0].Text);
        Assert.Equal("导入实验", plan.Sections[1].Text);
    }

    [Fact]
    public void Replaying_the_applied_ops_rebuilds_the_same_text_comments_and_revision()
    {
        var random = new Random(4001);
        var live = Plan("理解浮力", "");
        live.Comments.Add(new LessonComment { Id = "m1", Section = "objectives", Start = 1, End = 3 });
        var document = new LessonPlanDocument(live, window: 10);
        var log = new List<AppliedOp>();
        for (var i = 0; i < 200; i++)
        {
            var section = live.Sections[random.Next(2)];
            log.Add(document.Receive(section.Key, document.Revision, RandomOps.Operation(random, section.Text)));
        }

        var restored = Plan("理解浮力", "");
        restored.Comments.Add(new LessonComment { Id = "m1", Section = "objectives", Start = 1, End = 3 });
        var replayed = new LessonPlanDocument(restored, window: 10);
        foreach (var op in log)
        {
            replayed.Replay(op.Section, op.Revision, op.Operation);
        }

        Assert.Equal(live.Sections.Select(s => s.Text), restored.Sections.Select(s => s.Text));
        Assert.Equal((live.Comments[0].Start, live.Comments[0].End), (restored.Comments[0].Start, restored.Comments[0].End));
        Assert.Equal(200, replayed.Revision);
    }

    public static TheoryData<string, long, string, string> Refusals => new()
    {
        { "objectives", 5, "[\"x\"]", ErrorCodes.InvalidArgument },
        { "objectives", -1, "[\"x\"]", ErrorCodes.InvalidArgument },
        { "objectives", 0, "[\"x\"]", ErrorCodes.StaleRevision },
        { "objectives", 3, "[\"x\"]", ErrorCodes.InvalidArgument },
        { "objectives", 3, "[9, \"x\"]", ErrorCodes.InvalidArgument },
        { "nowhere", 3, "[\"x\"]", ErrorCodes.InvalidArgument },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refused_op_changes_nothing(string section, long baseRevision, string opsJson, string code)
    {
        var plan = Plan("ab", "");
        var document = new LessonPlanDocument(plan, window: 2);
        for (var i = 0; i < 3; i++)
        {
            document.Receive("objectives", i, Insert(0, "z", 2 + i));
        }

        var refused = Assert.Throws<CollabException>(() => document.Receive(section, baseRevision, PlainSectionChange.Submitted(opsJson)));

        Assert.Equal(code, refused.Code);
        Assert.Equal(3, document.Revision);
        Assert.Equal("zzzab", plan.Sections[0].Text);
    }

    [Fact]
    public void An_op_that_would_grow_a_section_past_its_limit_is_refused_and_changes_nothing()
    {
        var full = new string('文', LessonPrepLimits.SectionCodePoints);
        var plan = Plan(full, "");
        var document = new LessonPlanDocument(plan, window: 2);

        var refused = Assert.Throws<CollabException>(() => document.Receive("objectives", 0, Insert(0, "再", LessonPrepLimits.SectionCodePoints)));

        Assert.Equal(ErrorCodes.TooLarge, refused.Code);
        Assert.Equal(0, document.Revision);
        Assert.Equal(full, plan.Sections[0].Text);
    }

    [Theory]
    [InlineData("{\"a\":1}")]
    [InlineData("not json")]
    [InlineData("[0]")]
    [InlineData("[true]")]
    public void Malformed_ops_are_invalid_arguments(string opsJson)
    {
        var refused = Assert.Throws<CollabException>(() => PlainSectionChange.Submitted(opsJson));
        Assert.Equal(ErrorCodes.InvalidArgument, refused.Code);
    }
}
