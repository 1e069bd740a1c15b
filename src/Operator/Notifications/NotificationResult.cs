namespace KafkaRecon.Operator.Notifications;

/// <summary>What became of one notification, with a reason a person can act on when it failed.</summary>
internal sealed record NotificationResult(NotificationDelivery Delivery, string? Reason, int Attempts)
{
    public static NotificationResult Sent(int attempts) => new(NotificationDelivery.Sent, null, attempts);

    public static NotificationResult Failed(string reason, int attempts) => new(NotificationDelivery.Failed, reason, attempts);

    public static NotificationResult Skipped(string reason) => new(NotificationDelivery.Skipped, reason, 0);

    /// <summary>The label used by <c>kafka_recon_notifications_total{result}</c>.</summary>
    public string MetricLabel => Delivery switch
    {
        NotificationDelivery.Sent => "sent",
        NotificationDelivery.Failed => "failed",
        _ => "skipped",
    };
}
