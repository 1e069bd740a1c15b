using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>The planner's answer: the status to persist, then the action to perform.</summary>
internal sealed record Plan(
    KafkaReconciliationStatus Status,
    PlannedAction Action,
    TimeSpan? RequeueAfter,
    IReadOnlyList<PlannedEvent> Events)
{
    public bool IsFinished => Action is PlannedAction.Wait && RequeueAfter is null;
}

internal sealed record PlannedEvent(EventSeverity Severity, string Reason, string Message);
