using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;

namespace KafkaRecon.Operator.Metrics;

/// <summary>
/// Turns persisted status changes into metrics: a phase that starts, a phase that ends (its duration), a run that
/// finishes, a notification that was delivered or not. Works from status alone, so it is right after restarts too.
/// </summary>
internal sealed class MetricsRunObserver(KafkaReconMetrics metrics) : IRunObserver
{
    public void StatusChanged(KafkaReconciliation resource, KafkaReconciliationStatus? before, KafkaReconciliationStatus after)
    {
        foreach (var phase in RunPhases.InOrder)
        {
            var was = before?.Phases.Record(phase);
            var now = after.Phases.Record(phase);
            if (now is null)
            {
                continue;
            }
            if (IsActive(now) && (was is null || !IsActive(was) || was.Attempt != now.Attempt) && now.StartTime is { } started)
            {
                metrics.Runs.PhaseStarted(resource, phase.Name(), started,
                    phase.Timeout(resource.Spec.Timeouts) ?? TimeSpan.Zero);
            }
            if (IsDone(now) && (was is null || !IsDone(was)))
            {
                var duration = (now.CompletionTime ?? now.StartTime) - now.StartTime ?? TimeSpan.Zero;
                metrics.Runs.PhaseCompleted(resource, phase.Name(), resource.Spec.Engine, duration);
            }
        }
        if (ResultOf(after.Phase) is { } result && ResultOf(before?.Phase) is null)
        {
            metrics.Runs.RecordRunCompleted(resource, result);
        }
        if (after.Checks.Count > (before?.Checks.Count ?? 0))
        {
            metrics.Checks.CheckRecorded(resource, after.Checks[^1], after.Checks[0]);
        }
        if (after.Notification is { State: NotificationStep.Sent or NotificationStep.Failed } notification &&
            before?.Notification?.State != notification.State)
        {
            var channel = after.Phase == ReconciliationPhase.Succeeded
                ? resource.Spec.Notifications.Slack?.SuccessChannel
                : resource.Spec.Notifications.Slack?.FailureChannel;
            metrics.Runs.NotificationCompleted(channel ?? "", notification.State == NotificationStep.Sent ? "sent" : "failed");
        }
    }

    public void Observed(KafkaReconciliation resource)
    {
        metrics.Runs.ObserveFinishedResource(resource);
        metrics.Checks.Observe(resource);
    }

    public void Deleted(KafkaReconciliation resource)
    {
        metrics.Runs.ResourceDeleted(resource.Metadata.NamespaceProperty ?? "", resource.Metadata.Name ?? "");
        metrics.Checks.ResourceDeleted(resource.Metadata.NamespaceProperty ?? "", resource.Metadata.Name ?? "");
    }

    private static bool IsActive(PhaseRecord record) => record.State is PhaseState.Submitting or PhaseState.Running;

    private static bool IsDone(PhaseRecord record) =>
        record.State is PhaseState.Succeeded or PhaseState.Failed or PhaseState.Cancelled;

    private static RunResult? ResultOf(ReconciliationPhase? phase) => phase switch
    {
        ReconciliationPhase.Succeeded => RunResult.Succeeded,
        ReconciliationPhase.Failed => RunResult.Failed,
        ReconciliationPhase.Cancelled => RunResult.Cancelled,
        _ => null,
    };
}
