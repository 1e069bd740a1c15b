namespace KafkaRecon.Operator.Notifications;

/// <summary>How hard the Slack notifier tries before it reports a notification as failed.</summary>
internal sealed record SlackDeliveryOptions
{
    public int MaxAttempts { get; init; } = 5;
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound on a server's Retry-After, so one answer cannot park the driver for an hour.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
