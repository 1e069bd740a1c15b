using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>Announces a finished run (Slack). Never throws: a failure is returned and recorded as a condition.</summary>
internal interface IOutcomeNotifier
{
    Task<NotificationDelivery> NotifyAsync(KafkaReconciliation resource, CancellationToken cancellationToken);
}

internal sealed record NotificationDelivery(bool Sent, string? Error)
{
    public static NotificationDelivery Success { get; } = new(true, null);
}
