namespace KafkaRecon.Operator.Notifications;

internal enum DeliveryVerdict
{
    Delivered,
    RetryAfterDelay,
    GiveUp,
}
