using KafkaRecon.Operator.Kubernetes.Watching;

namespace KafkaRecon.Tests.Kubernetes.Watching;

public sealed class WatchBackoffTests
{
    [Fact]
    public void Delay_doubles_per_consecutive_failure_up_to_the_cap()
    {
        var backoff = new WatchBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), () => 0);
        var delays = new[] { 1, 2, 3, 4, 5, 6, 50 }.Select(backoff.DelayAfter).Select(d => d.TotalSeconds);
        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays);
    }

    [Theory]
    [InlineData(0.0, 4.0)]
    [InlineData(0.5, 5.0)]
    [InlineData(0.999, 5.998)]
    public void Jitter_adds_at_most_half_of_the_delay(double random, double expectedSeconds)
    {
        var backoff = new WatchBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), () => random);
        Assert.Equal(expectedSeconds, backoff.DelayAfter(3).TotalSeconds, precision: 3);
    }
}
