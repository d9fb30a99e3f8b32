using Collab.Grains.Tutoring;

namespace Collab.Grains.Tests.Tutoring;

public sealed class SessionWatchTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private sealed class Ticker : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private readonly List<Ticker> _tickers = [];

    private SessionWatch Watch() => new(() =>
    {
        var ticker = new Ticker();
        _tickers.Add(ticker);
        return ticker;
    });

    [Fact]
    public void One_ticker_runs_however_often_the_session_is_started_and_a_stop_disposes_it()
    {
        var watch = Watch();
        watch.Start();
        watch.Start();
        Assert.True(watch.Ticking);
        Assert.Single(_tickers);
        watch.Stop();
        Assert.False(watch.Ticking);
        Assert.True(_tickers[0].Disposed);
        watch.Stop();
        watch.Start();
        Assert.Equal(2, _tickers.Count);
        Assert.False(_tickers[1].Disposed);
    }

    [Fact]
    public void Offline_time_counts_from_the_first_check_that_saw_the_student_gone_until_one_sees_them_back()
    {
        var watch = Watch();
        watch.Start();
        Assert.Null(watch.Observe(online: true, At));
        Assert.Equal(At.AddSeconds(1), watch.Observe(online: false, At.AddSeconds(1)));
        Assert.Equal(At.AddSeconds(1), watch.Observe(online: false, At.AddSeconds(5)));
        Assert.Null(watch.Observe(online: true, At.AddSeconds(6)));
        Assert.Equal(At.AddSeconds(9), watch.Observe(online: false, At.AddSeconds(9)));
    }

    [Fact]
    public void A_new_session_and_a_stop_forget_an_earlier_absence()
    {
        var watch = Watch();
        watch.Observe(online: false, At);
        watch.Start();
        Assert.Null(watch.OfflineSince);
        watch.Observe(online: false, At);
        watch.Stop();
        Assert.Null(watch.OfflineSince);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_reactivated_room_starts_the_disconnect_grace_now_only_for_a_student_who_had_been_seen(bool seen)
    {
        var watch = Watch();
        watch.Resume(seen, At);
        Assert.True(watch.Ticking);
        Assert.Equal(seen ? At : null, watch.OfflineSince);
        Assert.Equal(seen ? At : At.AddSeconds(3), watch.Observe(online: false, At.AddSeconds(3)));
    }
}
