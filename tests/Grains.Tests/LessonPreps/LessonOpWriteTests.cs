using Collab.Grains.Interfaces.Live;
using Collab.Grains.LessonPreps;
using Collab.Grains.Live;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>The rows of one op write, paired with the events the engine stamped for them.</summary>
public sealed class LessonOpWriteTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static EventEnvelope Applied(long seq, string data) => new("lessonprep/lp-1", seq, "op.applied", At.AddSeconds(seq), data);

    [Fact]
    public void Each_op_becomes_a_row_with_its_events_seq_time_and_data_in_order()
    {
        var write = new LessonOpWrite("lp-1");
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
        var write = new LessonOpWrite("lp-1");
        write.Add(1, "objectives", "[\"a\"]", new CommandKey("u1", "c1", 1), "{}");

        Assert.Throws<InvalidOperationException>(() => write.Rows([]));
        Assert.Throws<InvalidOperationException>(() => write.Rows([Applied(1, "{}"), Applied(2, "{}")]));
    }

    [Fact]
    public void An_empty_write_has_no_rows()
    {
        Assert.Empty(new LessonOpWrite("lp-1").Rows([]));
    }
}
