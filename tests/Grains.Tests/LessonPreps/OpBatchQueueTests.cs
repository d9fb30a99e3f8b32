using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.LessonPreps;
using Collab.Grains.Live;
using static Collab.Grains.Tests.LessonPreps.PlanScenario;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>The group commit of a plan's ops as a plain queue: what starts a write, what a write carries, how each op is answered.</summary>
public sealed class OpBatchQueueTests
{
    private static readonly Func<CommandKey, string?> NothingRecorded = _ => null;

    private static CommandKey Key(string client, long seq = 1) => new("u1", client, seq);

    private static Task<OpAccepted> Submit(OpBatchQueue queue, CommandKey key, out bool startWrite, string? opsJson = null) =>
        queue.Submit(key, NothingRecorded, "objectives", 0, () => PlainSectionChange.Submitted(opsJson ?? Ops("字")), out startWrite);

    /// <summary>Submits without awaiting the outcome: a refusal is thrown by the call itself, not by its task.</summary>
    private static void SubmitNow(OpBatchQueue queue, string? opsJson) => _ = queue.Submit(Key("a"), NothingRecorded, "objectives", 0, () => PlainSectionChange.Submitted(opsJson), out _);

    [Fact]
    public void The_first_op_starts_a_write_and_ops_submitted_until_it_ends_only_queue()
    {
        var queue = new OpBatchQueue(10);

        Submit(queue, Key("a"), out var first);
        Submit(queue, Key("b"), out var second);
        Submit(queue, Key("c"), out var third);

        Assert.True(first);
        Assert.False(second);
        Assert.False(third);
        Assert.True(queue.Writing);
        Assert.Equal(3, queue.Queued);
    }

    [Fact]
    public void A_batch_is_taken_in_arrival_order_and_at_most_ops_per_write_at_a_time()
    {
        var queue = new OpBatchQueue(2);
        foreach (var client in new[] { "a", "b", "c", "d", "e" })
        {
            Submit(queue, Key(client), out _);
        }

        Assert.Equal(["a", "b"], queue.TakeBatch().Ops.Select(op => op.Key.ClientId));
        Assert.Equal(["c", "d"], queue.TakeBatch().Ops.Select(op => op.Key.ClientId));
        Assert.Equal(["e"], queue.TakeBatch().Ops.Select(op => op.Key.ClientId));
        Assert.Empty(queue.TakeBatch().Ops);
    }

    [Fact]
    public void Ops_submitted_after_a_batch_is_taken_wait_for_the_next_one()
    {
        var queue = new OpBatchQueue(10);
        Submit(queue, Key("a"), out _);
        var batch = queue.TakeBatch();

        Submit(queue, Key("b"), out var startWrite);

        Assert.False(startWrite);
        Assert.Single(batch.Ops);
        Assert.Equal(["b"], queue.TakeBatch().Ops.Select(op => op.Key.ClientId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_write_carries_at_least_one_op_whatever_the_option_says(int opsPerWrite)
    {
        var queue = new OpBatchQueue(opsPerWrite);
        Submit(queue, Key("a"), out _);
        Submit(queue, Key("b"), out _);

        Assert.Single(queue.TakeBatch().Ops);
    }

    [Fact]
    public async Task No_op_is_answered_before_its_batch_is_settled()
    {
        var queue = new OpBatchQueue(10);
        var outcome = Submit(queue, Key("a"), out _);
        var batch = queue.TakeBatch();
        batch.Apply(_ => new OpAccepted(7), _ => { });

        Assert.False(outcome.IsCompleted);
        queue.Settle(batch);
        Assert.Equal(new OpAccepted(7), await outcome);
    }

    [Fact]
    public void A_resend_while_queued_or_being_written_gets_the_first_copys_outcome_and_queues_nothing()
    {
        var queue = new OpBatchQueue(10);
        var first = Submit(queue, Key("a"), out _);
        var resentQueued = Submit(queue, Key("a"), out var startedByResend);
        var batch = queue.TakeBatch();
        var resentWriting = Submit(queue, Key("a"), out _);

        Assert.Same(first, resentQueued);
        Assert.Same(first, resentWriting);
        Assert.False(startedByResend);
        Assert.Single(batch.Ops);
        Assert.Equal(0, queue.Queued);
    }

    [Fact]
    public void A_pending_op_is_answered_with_its_outcome_even_though_the_command_log_already_records_it()
    {
        // The write records the op in the command log as it applies it, before the op is durable.
        var queue = new OpBatchQueue(10);
        var first = Submit(queue, Key("a"), out _);
        queue.TakeBatch();

        var resent = queue.Submit(Key("a"), _ => """{"revision":9}""", "objectives", 0, () => PlainSectionChange.Submitted(Ops("字")), out _);

        Assert.Same(first, resent);
        Assert.False(resent.IsCompleted);
    }

    [Fact]
    public async Task A_command_the_log_records_is_answered_with_its_result_and_starts_nothing()
    {
        var queue = new OpBatchQueue(10);

        var answer = queue.Submit(Key("a"), key => key == Key("a") ? """{"revision":4}""" : null, "objectives", 0, () => PlainSectionChange.Submitted(Ops("字")), out var startWrite);

        Assert.Equal(new OpAccepted(4), await answer);
        Assert.False(startWrite);
        Assert.False(queue.Writing);
        Assert.Equal(0, queue.Queued);
    }

    [Theory]
    [InlineData("not json", ErrorCodes.InvalidArgument)]
    [InlineData("{\"retain\":1}", ErrorCodes.InvalidArgument)]
    [InlineData("[0]", ErrorCodes.InvalidArgument)]
    [InlineData("[true]", ErrorCodes.InvalidArgument)]
    [InlineData(null, ErrorCodes.InvalidArgument)]
    public void A_malformed_op_is_refused_at_once_and_neither_queues_nor_starts_a_write(string? opsJson, string code)
    {
        var queue = new OpBatchQueue(10);

        var error = Assert.Throws<CollabException>(() => SubmitNow(queue, opsJson));

        Assert.Equal(code, error.Code);
        Assert.False(queue.Writing);
        Assert.Equal(0, queue.Queued);
        Assert.Null(Record.Exception(() => { Submit(queue, Key("a"), out _); }));
    }

    [Fact]
    public void Ops_larger_than_the_limit_are_refused_as_too_large()
    {
        var queue = new OpBatchQueue(10);
        var huge = Ops(new string('字', LessonPrepLimits.OpsJsonBytes / 3 + 1));

        var error = Assert.Throws<CollabException>(() => SubmitNow(queue, huge));

        Assert.Equal(ErrorCodes.TooLarge, error.Code);
    }

    [Fact]
    public async Task A_refused_op_fails_alone_and_the_rest_of_its_batch_is_accepted()
    {
        var queue = new OpBatchQueue(10);
        var a = Submit(queue, Key("a"), out _);
        var b = Submit(queue, Key("b"), out _);
        var c = Submit(queue, Key("c"), out _);
        var batch = queue.TakeBatch();
        var refusals = new List<string>();
        var revision = 0L;

        batch.Apply(op => op.Key.ClientId == "b" ? throw new CollabException(ErrorCodes.StaleRevision, "stale") : new OpAccepted(++revision),
            refusal => refusals.Add(refusal.Code));
        queue.Settle(batch);

        Assert.Equal(new OpAccepted(1), await a);
        Assert.Equal(ErrorCodes.StaleRevision, (await Assert.ThrowsAsync<CollabException>(() => b)).Code);
        Assert.Equal(new OpAccepted(2), await c);
        Assert.Equal([ErrorCodes.StaleRevision], refusals);
    }

    [Fact]
    public void A_failure_that_is_not_a_refusal_stops_the_batch_for_its_write_to_fail()
    {
        var queue = new OpBatchQueue(10);
        Submit(queue, Key("a"), out _);
        var batch = queue.TakeBatch();

        Assert.Throws<InvalidOperationException>(() => batch.Apply(_ => throw new InvalidOperationException("bug"), _ => { }));
    }

    [Fact]
    public async Task After_a_settled_batch_a_resend_is_no_longer_pending_and_goes_to_the_command_log()
    {
        var queue = new OpBatchQueue(10);
        _ = Submit(queue, Key("a"), out _);
        var batch = queue.TakeBatch();
        batch.Apply(_ => new OpAccepted(1), _ => { });
        queue.Settle(batch);
        queue.EndWrite();
        var asked = 0;

        var resent = queue.Submit(Key("a"), _ => { asked++; return """{"revision":1}"""; }, "objectives", 0, () => PlainSectionChange.Submitted(Ops("字")), out var startWrite);

        Assert.Equal(1, asked);
        Assert.Equal(new OpAccepted(1), await resent);
        Assert.False(startWrite);
    }

    [Fact]
    public void A_failed_write_fails_its_batch_and_every_queued_op_but_a_refused_op_keeps_its_refusal()
    {
        var queue = new OpBatchQueue(2);
        var a = Submit(queue, Key("a"), out _);
        var b = Submit(queue, Key("b"), out _);
        var queued = Submit(queue, Key("c"), out _);
        var batch = queue.TakeBatch();
        batch.Apply(op => op.Key.ClientId == "a" ? throw CollabException.Forbidden("finalized") : new OpAccepted(1), _ => { });
        var lost = new CollabException(ErrorCodes.Unavailable, "not stored");

        queue.Fail(batch, lost);

        Assert.Equal(ErrorCodes.Forbidden, Assert.IsType<CollabException>(a.Exception!.InnerException).Code);
        Assert.Same(lost, b.Exception!.InnerException);
        Assert.Same(lost, queued.Exception!.InnerException);
        Assert.False(queue.Writing);
        Assert.Equal(0, queue.Queued);
    }

    [Fact]
    public void After_a_failed_write_a_resend_is_queued_afresh_and_starts_a_write()
    {
        var queue = new OpBatchQueue(10);
        var first = Submit(queue, Key("a"), out _);
        queue.Fail(queue.TakeBatch(), new CollabException(ErrorCodes.Unavailable, "not stored"));

        var resent = Submit(queue, Key("a"), out var startWrite);

        Assert.NotSame(first, resent);
        Assert.True(startWrite);
        Assert.Equal(1, queue.Queued);
    }

    [Fact]
    public void Ending_a_write_with_ops_queued_asks_for_the_next_one_and_keeps_later_ops_waiting()
    {
        var queue = new OpBatchQueue(10);
        Submit(queue, Key("a"), out _);
        var batch = queue.TakeBatch();
        Submit(queue, Key("b"), out _);
        batch.Apply(_ => new OpAccepted(1), _ => { });
        queue.Settle(batch);

        Assert.True(queue.EndWrite());
        Assert.True(queue.Writing);
        Submit(queue, Key("c"), out var startWrite);
        Assert.False(startWrite);
    }

    [Fact]
    public void Ending_a_write_with_nothing_queued_lets_the_next_op_start_one()
    {
        var queue = new OpBatchQueue(10);
        Submit(queue, Key("a"), out _);
        var batch = queue.TakeBatch();
        batch.Apply(_ => new OpAccepted(1), _ => { });
        queue.Settle(batch);

        Assert.False(queue.EndWrite());
        Assert.False(queue.Writing);
        Submit(queue, Key("b"), out var startWrite);
        Assert.True(startWrite);
    }

    [Fact]
    public void Failing_the_queue_fails_every_waiting_op_and_leaves_no_write_under_way()
    {
        var queue = new OpBatchQueue(10);
        var waiting = new[] { Submit(queue, Key("a"), out _), Submit(queue, Key("b"), out _) };
        var moving = new CollabException(ErrorCodes.Unavailable, "moving");

        queue.FailQueued(moving);

        Assert.All(waiting, op => Assert.Same(moving, op.Exception!.InnerException));
        Assert.False(queue.Writing);
        Assert.Null(Record.Exception(() => queue.FailQueued(moving)));
    }

    [Fact]
    public async Task Settling_does_not_run_a_submitters_continuation_inside_the_write()
    {
        var queue = new OpBatchQueue(10);
        var outcome = Submit(queue, Key("a"), out _);
        var batch = queue.TakeBatch();
        batch.Apply(_ => new OpAccepted(1), _ => { });
        var ranInline = false;
        var settling = true;
        var continuation = outcome.ContinueWith(_ => ranInline = settling, TaskContinuationOptions.ExecuteSynchronously);

        queue.Settle(batch);
        settling = false;

        await continuation.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(ranInline);
    }

    [Fact]
    public void The_same_client_seq_of_two_users_are_two_ops()
    {
        var queue = new OpBatchQueue(10);
        var mine = queue.Submit(new CommandKey("u1", "c", 1), NothingRecorded, "objectives", 0, () => PlainSectionChange.Submitted(Ops("字")), out _);
        var theirs = queue.Submit(new CommandKey("u2", "c", 1), NothingRecorded, "objectives", 0, () => PlainSectionChange.Submitted(Ops("字")), out _);

        Assert.NotSame(mine, theirs);
        Assert.Equal(2, queue.Queued);
    }

    [Fact]
    public void An_op_keeps_what_was_submitted_for_the_write_to_transform()
    {
        var queue = new OpBatchQueue(10);
        queue.Submit(Key("a"), NothingRecorded, "homework", 3, () => PlainSectionChange.Submitted(Ops(3, "背诵")), out _);

        var op = Assert.Single(queue.TakeBatch().Ops);

        Assert.Equal(("homework", 3L, Key("a")), (op.Section, op.BaseRevision, op.Key));
        Assert.Equal("abc背诵", op.Change.Operation.Apply("abc"));
    }
}
