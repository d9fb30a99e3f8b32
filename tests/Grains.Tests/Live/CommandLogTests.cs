using Collab.Grains.Interfaces.Common;
using Collab.Grains.Live;

namespace Collab.Grains.Tests.Live;

public sealed class CommandLogTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly CommandLogLimits Limits = new(ResultsPerClient: 3, ClientsPerUser: 2, Users: 3);

    private static CommandKey Key(string clientId, long seq, string userId = "u-1") => new(userId, clientId, seq);

    [Fact]
    public void A_new_command_has_no_recorded_result()
    {
        Assert.Null(new CommandLog().Find(Key("tab", 1)));
    }

    [Fact]
    public void A_recorded_command_returns_its_result()
    {
        var log = new CommandLog();
        log.Record(Key("tab", 1), "\"first\"", At, Limits);
        Assert.Equal("\"first\"", log.Find(Key("tab", 1)));
        Assert.Null(log.Find(Key("tab", 2)));
        Assert.Null(log.Find(Key("other", 1)));
    }

    [Fact]
    public void The_same_client_id_and_seq_of_another_user_is_another_command()
    {
        var log = new CommandLog();
        log.Record(Key("tab", 1, "impostor"), "\"impostor's\"", At, Limits);
        Assert.Null(log.Find(Key("tab", 1, "victim")));
        log.Record(Key("tab", 1, "victim"), "\"victim's\"", At, Limits);
        Assert.Equal("\"victim's\"", log.Find(Key("tab", 1, "victim")));
        Assert.Equal("\"impostor's\"", log.Find(Key("tab", 1, "impostor")));
    }

    [Fact]
    public void A_command_older_than_the_window_is_a_conflict_not_a_new_command()
    {
        var log = new CommandLog();
        for (var seq = 1; seq <= 5; seq++)
        {
            log.Record(Key("tab", seq), $"{seq}", At, Limits);
        }
        var error = Assert.Throws<CollabException>(() => log.Find(Key("tab", 1)));
        Assert.Equal(ErrorCodes.Conflict, error.Code);
        Assert.Equal("5", log.Find(Key("tab", 5)));
        Assert.Equal("3", log.Find(Key("tab", 3)));
        Assert.Null(log.Find(Key("tab", 1, "someone-else")));
    }

    [Fact]
    public void Commands_arriving_out_of_order_within_the_window_are_each_new()
    {
        var log = new CommandLog();
        log.Record(Key("tab", 2), "2", At, Limits);
        Assert.Null(log.Find(Key("tab", 1)));
        log.Record(Key("tab", 1), "1", At, Limits);
        Assert.Equal("1", log.Find(Key("tab", 1)));
        Assert.Equal("2", log.Find(Key("tab", 2)));
    }

    [Fact]
    public void A_users_least_recently_active_client_is_forgotten_first()
    {
        var log = new CommandLog();
        log.Record(Key("a", 1), "a", At, Limits);
        log.Record(Key("b", 1), "b", At.AddSeconds(1), Limits);
        log.Record(Key("a", 2), "a2", At.AddSeconds(2), Limits);
        log.Record(Key("c", 1), "c", At.AddSeconds(3), Limits);

        Assert.Equal(["a", "c"], log.Users["u-1"].Clients.Keys.Order());
        Assert.Null(log.Find(Key("b", 1)));
    }

    [Fact]
    public void A_flood_of_fresh_client_ids_by_one_user_forgets_none_of_the_other_users_results()
    {
        var log = new CommandLog();
        log.Record(Key("tab", 1, "colleague"), "\"kept\"", At, Limits);
        for (var i = 0; i < 1_000; i++)
        {
            log.Record(Key($"fresh-{i}", 1, "flooder"), "0", At.AddSeconds(1 + i), Limits);
        }

        Assert.Equal("\"kept\"", log.Find(Key("tab", 1, "colleague")));
        Assert.Equal(Limits.ClientsPerUser, log.Users["flooder"].Clients.Count);
    }

    [Fact]
    public void The_least_recently_active_user_is_forgotten_when_too_many_users_have_results()
    {
        var log = new CommandLog();
        for (var i = 0; i < 4; i++)
        {
            log.Record(Key("tab", 1, $"u-{i}"), $"{i}", At.AddSeconds(i), Limits);
        }

        Assert.Equal(["u-1", "u-2", "u-3"], log.Users.Keys.Order());
    }

    [Fact]
    public void The_entry_just_recorded_is_never_the_one_forgotten_even_when_clocks_tie()
    {
        var log = new CommandLog();
        log.Record(Key("a", 1), "a", At, Limits);
        log.Record(Key("b", 1), "b", At, Limits);
        log.Record(Key("c", 1), "c", At, Limits);

        Assert.Equal("c", log.Find(Key("c", 1)));
        Assert.Equal(2, log.Users["u-1"].Clients.Count);
    }
}
