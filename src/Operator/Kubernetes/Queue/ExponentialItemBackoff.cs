namespace KafkaRecon.Operator.Kubernetes.Queue;

/// <summary>
/// Per-key retry delay <c>baseDelay · 2^(failures-1)</c> capped at <c>maxDelay</c> (client-go's
/// ItemExponentialFailureRateLimiter, 5 ms → 1000 s). A key is never dropped; its count resets on <see cref="Forget"/>.
/// Not thread-safe: the work queue calls it under its own lock.
/// </summary>
internal sealed class ExponentialItemBackoff<TKey>(TimeSpan baseDelay, TimeSpan maxDelay) where TKey : notnull
{
    public static readonly TimeSpan DefaultBase = TimeSpan.FromMilliseconds(5);
    public static readonly TimeSpan DefaultMax = TimeSpan.FromSeconds(1000);

    private readonly Dictionary<TKey, int> failures = new();

    public ExponentialItemBackoff() : this(DefaultBase, DefaultMax)
    {
    }

    /// <summary>Records one more failure of <paramref name="key"/> and returns how long to wait before retrying.</summary>
    public TimeSpan NextDelay(TKey key)
    {
        var count = failures.GetValueOrDefault(key) + 1;
        failures[key] = count;
        return DelayFor(count);
    }

    public int Failures(TKey key) => failures.GetValueOrDefault(key);

    public void Forget(TKey key) => failures.Remove(key);

    private TimeSpan DelayFor(int failureCount)
    {
        // Beyond 2^40 the cap has long been reached; stop before the double overflows.
        var exponent = Math.Min(failureCount - 1, 40);
        var ticks = baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
