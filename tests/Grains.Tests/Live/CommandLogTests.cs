using Collab.Grains.Interfaces.Common;
using Collab.Grains.Live;

namespace Collab.Grains.Tests.Live;

public sealed class CommandLogTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly CommandLogLimits Limits = new(ResultsPerClient: 3, Clients: 2);

    [Fact]
    public void A_new_command_has_no_recorded_result()
    {
        Assert.Null(new CommandLog().Find(new CommandId("tab", 1)));
    }

    [Fact]
    public void A_recorded_command_returns_its_result()
    {
        var log = new CommandLog();
        log.Record(new CommandId("tab", 1), "\"first\"", At, Limits);
        Assert.Equal("\"first\"", log.Find(new CommandId("tab", 1)));
        Assert.Null(log.Find(new CommandId("tab", 2)));
        Assert.Null(log.Find(new CommandId("other", 1)));
    }

    [Fact]
    public void A_command_older_than_the_window_is_a_conflict_not_a_new_command()
    {
        var log = new CommandLog();
        for (var seq = 1; seq <= 5; seq++)
        {
            log.Record(new CommandId("tab", seq), $"{seq}", At, Limits);
        }
        var error = Assert.Throws<CollabException>(() => log.Find(new CommandId("tab", 1)));
        Assert.Equal(ErrorCodes.Conflict, error.Code);
        Assert.Equal("5", log.Find(new CommandId("tab", 5)));
        Assert.Equal("3", log.Find(new CommandId("tab", 3)));
    }

    [Fact]
    public void Commands_arriving_out_of_order_within_the_window_are_each_new()
    {
        var log = new CommandLog();
        log.Record(new CommandId("tab", 2), "2", At, Limits);
        Assert.Null(log.Find(new CommandId("tab", 1)));
        log.Record(new CommandId("tab", 1), "1", At, Limits);
        Assert.Equal("1", log.Find(new CommandId("tab", 1)));
        Assert.Equal("2", log.Find(new CommandId("tab", 2)));
    }

    [Fact]
    public void The_least_recently_active_client_is_forgotten_first()
    {
        var log = new CommandLog();
        log.Record(new CommandId("a", 1), "a", At, Limits);
        log.Record(new CommandId("b", 1), "b", At.AddSeconds(1), Limits);
        log.Record(new CommandId("a", 2), "a2", At.AddSeconds(2), Limits);
        log.Record(new CommandId("c", 1), "c", At.AddSeconds(3), Limits);

        Assert.Equal(["a", "c"], log.Clients.Keys.Order());
        Assert.Null(log.Find(new CommandId("b", 1)));
    }
}
