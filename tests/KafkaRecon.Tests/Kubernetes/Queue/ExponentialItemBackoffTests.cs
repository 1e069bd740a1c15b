using KafkaRecon.Operator.Kubernetes.Queue;

namespace KafkaRecon.Tests.Kubernetes.Queue;

public sealed class ExponentialItemBackoffTests
{
    [Fact]
    public void Delay_doubles_from_five_milliseconds_per_failure()
    {
        var backoff = new ExponentialItemBackoff<string>();
        var delays = Enumerable.Range(0, 4).Select(_ => backoff.NextDelay("ns/a")).ToArray();
        Assert.Equal(
            [TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20),
             TimeSpan.FromMilliseconds(40)],
            delays);
    }

    [Fact]
    public void Delay_is_capped_at_one_thousand_seconds_and_never_gives_up()
    {
        var backoff = new ExponentialItemBackoff<string>();
        var last = TimeSpan.Zero;
        for (var i = 0; i < 200; i++)
        {
            last = backoff.NextDelay("ns/a");
        }
        Assert.Equal(TimeSpan.FromSeconds(1000), last);
        Assert.Equal(200, backoff.Failures("ns/a"));
    }

    [Fact]
    public void Forget_resets_the_delay_of_that_key_only()
    {
        var backoff = new ExponentialItemBackoff<string>();
        backoff.NextDelay("ns/a");
        backoff.NextDelay("ns/a");
        backoff.NextDelay("ns/b");
        backoff.Forget("ns/a");
        Assert.Equal(TimeSpan.FromMilliseconds(5), backoff.NextDelay("ns/a"));
        Assert.Equal(TimeSpan.FromMilliseconds(10), backoff.NextDelay("ns/b"));
    }
}
