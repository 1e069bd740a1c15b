namespace KafkaRecon.Operator.Notifications;

internal enum NotificationOutcome
{
    Succeeded,
    Failed,
}
