using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.LessonPreps;
using Collab.Grains.Live;
using static Collab.Grains.Tests.LessonPreps.PlanScenario;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>One op write: its ops taken by the document and recorded, and its rows paired with the events the engine stamped.</summary>
public sealed class LessonOpWriteTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static readonly CommandLogLimits Limits = new(10, 10, 10);

    private static LessonOpWrite NewWrite(LessonPrepState? plan = null)
    {
        plan ??= new LessonPrepState { Sections = [new LessonSection { Key = "objectives" }, new LessonSection { Key = "homework" }] };
        return new LessonOpWrite("lp-1", new LessonPlanDocument(plan, 100), plan, Limits);
    }

    private static EventEnvelope Applied(long seq, string data) => new("lessonprep/lp-1", seq, "op.applied", At.AddSeconds(seq), data);

    [Fact]
    public void Each_op_becomes_a_row_with_its_events_seq_time_and_data_in_order()
    {
        var write = NewWrite();
        write.Add(5, "objectives", "[\"a\"]", new CommandKey("u1", "c1", 3), "{\"revision\":5}");
        write.Add(6, "homework", "[\"b\"]", new CommandKey("u2", "c2", 9), "{\"revision\":6}");

        var rows = write.Rows([Applied(11, "{\"x\":1}"), Applied(12, "{\"x\":2}")]);

        Assert.Equal(2, write.Count);
        Assert.Equal(new LessonOpRow("lp-1", 11, 5, "objectives", "[\"a\"]", "u1", "c1", 3, "{\"revision\":5}", "{\"x\":1}", At.AddSeconds(11)), rows[0]);
        Assert.Equal(new LessonOpRow("lp-1", 12, 6, "homework", "[\"b\"]", "u2", "c2", 9, "{\"revision\":6}", "{\"x\":2}", At.AddSeconds(12)), rows[1]);
    }

    [Fact]
    public void A_write_whose_events_do_not_match_its_ops_one_for_one_is_a_bug_and_writes_nothing()
    {
        var write = NewWrite();
        write.Add(1, "objectives", "[\"a\"]", new CommandKey("u1", "c1", 1), "{}");

        Assert.Throws<InvalidOperationException>(() => write.Rows([]));
        Assert.Throws<InvalidOperationException>(() => write.Rows([Applied(1, "{}"), Applied(2, "{}")]));
    }

    [Fact]
    public void An_empty_write_has_no_rows()
    {
        Assert.Empty(NewWrite().Rows([]));
    }
}

public sealed class LessonOpWriteAcceptTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static (LessonPrepState Plan, LessonOpWrite Write) NewWrite()
    {
        var plan = new LessonPrepState { Sections = [new LessonSection { Key = "objectives" }, new LessonSection { Key = "homework" }] };
        return (plan, new LessonOpWrite("lp-1", new LessonPlanDocument(plan, 100), plan, new CommandLogLimits(10, 10, 10)));
    }

    [Fact]
    public void An_accepted_op_is_applied_recorded_under_its_command_and_kept_as_a_row_with_its_event()
    {
        var (plan, write) = NewWrite();
        var key = new CommandKey("u1", "c1", 4);

        var (applied, accepted) = write.Accept(key, "objectives", 0, PlainSectionChange.Submitted(Ops("理解")), At);

        Assert.Equal(new OpAccepted(1), accepted);
        Assert.Equal("理解", plan.Sections[0].Text);
        Assert.Equal((1L, "objectives", "u1", "c1", 4L), (applied.Revision, applied.Section, applied.UserId, applied.ClientId, applied.ClientSeq));
        Assert.Equal("""{"revision":1}""", plan.Commands.Find(key));
        var row = Assert.Single(write.Rows([new EventEnvelope("lessonprep/lp-1", 9, "op.applied", At, "{}")]));
        Assert.Equal((1L, "objectives", """["理解"]""", "u1"), (row.Revision, row.Section, row.OpsJson, row.UserId));
    }

    [Fact]
    public void Ops_of_one_write_are_transformed_against_those_before_them_in_it()
    {
        var (plan, write) = NewWrite();
        write.Accept(new CommandKey("u1", "a", 1), "objectives", 0, PlainSectionChange.Submitted(Ops("ab")), At);

        // Made on revision 0 too: inserted before "ab", whose insert it is transformed against.
        var (applied, accepted) = write.Accept(new CommandKey("u2", "b", 1), "objectives", 0, PlainSectionChange.Submitted(Ops("x")), At);

        Assert.Equal(2, accepted.Revision);
        Assert.Equal(2, write.Count);
        Assert.Equal(2, plan.Revision);
        Assert.Contains("x", plan.Sections[0].Text);
        Assert.Equal(3, plan.Sections[0].Text.Length);
        Assert.Equal(2, applied.Revision);
    }

    [Theory]
    [InlineData("nowhere", 0, ErrorCodes.InvalidArgument)]
    [InlineData("objectives", 5, ErrorCodes.InvalidArgument)]
    [InlineData("objectives", -1, ErrorCodes.InvalidArgument)]
    public void A_refused_op_changes_nothing_records_nothing_and_keeps_no_row(string section, long baseRevision, string code)
    {
        var (plan, write) = NewWrite();
        var key = new CommandKey("u1", "c1", 1);

        var error = Assert.Throws<CollabException>(() => write.Accept(key, section, baseRevision, PlainSectionChange.Submitted(Ops("字")), At));

        Assert.Equal(code, error.Code);
        Assert.Equal(0, plan.Revision);
        Assert.Null(plan.Commands.Find(key));
        Assert.Equal(0, write.Count);
    }

    [Fact]
    public void An_op_that_does_not_span_the_text_is_refused()
    {
        var (_, write) = NewWrite();

        var error = Assert.Throws<CollabException>(() => write.Accept(new CommandKey("u1", "c1", 1), "objectives", 0, PlainSectionChange.Submitted(Ops(3, "字")), At));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Equal(0, write.Count);
    }
}
