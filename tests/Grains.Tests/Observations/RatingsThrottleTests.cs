using Collab.Grains.Observations;

namespace Collab.Grains.Tests.Observations;

public sealed class RatingsThrottleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_update_may_go_at_once_and_each_later_one_an_interval_after_the_last()
    {
        var throttle = new RatingsThrottle(TimeSpan.FromSeconds(1));
        Assert.True(throttle.IsDue(T0));
        Assert.Equal(TimeSpan.Zero, throttle.DueIn(T0));

        throttle.Published(T0);

        Assert.False(throttle.IsDue(T0.AddMilliseconds(999)));
        Assert.Equal(TimeSpan.FromMilliseconds(700), throttle.DueIn(T0.AddMilliseconds(300)));
        Assert.True(throttle.IsDue(T0.AddSeconds(1)));
        Assert.Equal(TimeSpan.Zero, throttle.DueIn(T0.AddSeconds(5)));
    }
}
