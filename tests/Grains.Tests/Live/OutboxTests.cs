using Collab.Grains.Live;

namespace Collab.Grains.Tests.Live;

public sealed class OutboxTests
{
    [Fact]
    public async Task Only_the_deliveries_still_owed_are_sent_in_order_and_a_failure_leaves_the_rest_owed()
    {
        var sent = new List<string>();
        var owed = new HashSet<string> { "b", "c" };
        OutboxDelivery Delivery(string name, bool fails = false) => new(() => owed.Contains(name), () =>
        {
            if (fails)
            {
                throw new InvalidOperationException($"{name} is down (test)");
            }
            sent.Add(name);
            owed.Remove(name);
            return Task.CompletedTask;
        });
        var outbox = new Outbox(Delivery("a"), Delivery("b", fails: true), Delivery("c"));

        Assert.True(outbox.Owes);
        await Assert.ThrowsAsync<InvalidOperationException>(outbox.SendAsync);
        Assert.Empty(sent);

        owed.Remove("b");
        await outbox.SendAsync();
        Assert.Equal(["c"], sent);
        Assert.False(outbox.Owes);
    }

    [Fact]
    public async Task Sending_to_many_records_those_that_took_it_in_one_write_and_then_fails_for_the_others()
    {
        var records = new List<IReadOnlyList<string>>();
        Task Send(string receiver) => receiver.StartsWith('x') ? Task.FromException(new InvalidOperationException("down (test)")) : Task.CompletedTask;
        Task Record(IReadOnlyList<string> sent)
        {
            records.Add(sent);
            return Task.CompletedTask;
        }

        var failure = await Assert.ThrowsAsync<AggregateException>(() => Outbox.SendEachAsync(["u1", "x1", "u2", "x2"], Send, Record));

        Assert.Equal(2, failure.InnerExceptions.Count);
        Assert.Equal([["u1", "u2"]], records);
        await Assert.ThrowsAsync<AggregateException>(() => Outbox.SendEachAsync(["x3"], Send, Record));
        Assert.Single(records);
        await Outbox.SendEachAsync(["u3"], Send, Record);
        Assert.Equal(["u3"], records[^1]);
    }
}
