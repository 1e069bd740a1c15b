namespace KafkaRecon.Operator.Kubernetes.Watching;

/// <summary>
/// Delay before re-establishing a failed LIST/WATCH: exponential from <c>initial</c>, capped at <c>max</c>, with up
/// to +50 % jitter so many operators do not reconnect to a recovering API server in lockstep.
/// </summary>
internal sealed class WatchBackoff(TimeSpan initial, TimeSpan max, Func<double> random)
{
    public const double MaxJitter = 0.5;

    public WatchBackoff(WatchOptions options) : this(options.InitialBackoff, options.MaxBackoff, options.Jitter)
    {
    }

    public TimeSpan DelayAfter(int consecutiveFailures)
    {
        var exponent = Math.Clamp(consecutiveFailures - 1, 0, 30);
        var baseTicks = Math.Min(max.Ticks, initial.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(baseTicks * (1 + MaxJitter * random())));
    }
}
