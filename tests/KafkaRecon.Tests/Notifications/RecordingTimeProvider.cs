namespace KafkaRecon.Tests.Notifications;

/// <summary>
/// Records every delay the code under test asks for and lets it elapse at once, so retry tests assert the
/// backoff and Retry-After decisions without waiting for them.
/// </summary>
internal sealed class RecordingTimeProvider(DateTimeOffset now) : TimeProvider
{
    private readonly List<TimeSpan> _delays = [];

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return [.. _delays];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_delays)
        {
            _delays.Add(dueTime);
        }
        return System.CreateTimer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
