namespace KafkaRecon.Operator.Notifications;

/// <summary>What to do after one delivery attempt: done, wait <see cref="Delay"/> and retry, or give up.</summary>
internal sealed record DeliveryDecision(DeliveryVerdict Verdict, TimeSpan Delay, string? Reason)
{
    public static DeliveryDecision Delivered { get; } = new(DeliveryVerdict.Delivered, TimeSpan.Zero, null);

    public static DeliveryDecision Retry(TimeSpan delay, string reason) => new(DeliveryVerdict.RetryAfterDelay, delay, reason);

    public static DeliveryDecision GiveUp(string reason) => new(DeliveryVerdict.GiveUp, TimeSpan.Zero, reason);
}
