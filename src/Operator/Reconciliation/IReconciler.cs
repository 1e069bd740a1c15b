using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>
/// Drives one resource one step further (the controller's view of <c>ReconciliationDriver</c>). The resource
/// passed in is freshly read; the reconciler writes status through its <see cref="IStatusSink"/>.
/// </summary>
internal interface IReconciler
{
    Task<ReconcileOutcome> ReconcileAsync(KafkaReconciliation resource, CancellationToken cancellationToken);

    /// <summary>Cancels the resource's in-flight external work (called before its finalizer is removed).</summary>
    Task CancelAsync(KafkaReconciliation resource, CancellationToken cancellationToken);
}
