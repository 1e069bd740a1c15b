using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>Sees every run from the driver's side (metrics derive phase durations and outcomes from it).</summary>
internal interface IRunObserver
{
    /// <summary>A status change was persisted.</summary>
    void StatusChanged(KafkaReconciliation resource, KafkaReconciliationStatus? before, KafkaReconciliationStatus after);

    /// <summary>The resource was reconciled (every pass): lets metrics show finished runs again after a restart.</summary>
    void Observed(KafkaReconciliation resource);

    /// <summary>The resource is being deleted; its in-flight work was cancelled.</summary>
    void Deleted(KafkaReconciliation resource);
}
