using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>Sees every persisted status change of a run (metrics derive phase durations and outcomes from it).</summary>
internal interface IRunObserver
{
    void StatusChanged(KafkaReconciliation resource, KafkaReconciliationStatus? before, KafkaReconciliationStatus after);
}
