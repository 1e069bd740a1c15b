namespace KafkaRecon.Operator.Notifications;

/// <summary>
/// Announces a run's outcome. Never throws for delivery problems: they come back as a <see cref="NotificationResult"/>
/// so a failed notification cannot fail the reconciliation. Only cancellation of the caller's token throws.
/// </summary>
internal interface INotifier
{
    Task<NotificationResult> NotifyAsync(OutcomeNotification notification, CancellationToken cancellationToken);
}
