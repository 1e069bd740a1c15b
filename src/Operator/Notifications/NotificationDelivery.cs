namespace KafkaRecon.Operator.Notifications;

internal enum NotificationDelivery
{
    Sent,
    Failed,
    /// <summary>No destination is configured for the resource; nothing was attempted.</summary>
    Skipped,
}
