namespace KafkaRecon.Operator.Notifications;

public enum NotificationOutcome
{
    Succeeded,
    Failed,
}
