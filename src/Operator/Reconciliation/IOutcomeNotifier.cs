using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>Announces a finished run (Slack). Never throws: a failure is returned and recorded as a condition.</summary>
internal interface IOutcomeNotifier
{
    Task<NotificationOutcome> NotifyAsync(KafkaReconciliation resource, CancellationToken cancellationToken);
}

internal sealed record NotificationOutcome(bool Sent, string? Error)
{
    public static NotificationOutcome Success { get; } = new(true, null);
}
