using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>For runs without metrics.</summary>
internal sealed class NullRunObserver : IRunObserver
{
    public static NullRunObserver Instance { get; } = new();

    public void StatusChanged(KafkaReconciliation resource, KafkaReconciliationStatus? before, KafkaReconciliationStatus after)
    {
    }

    public void Observed(KafkaReconciliation resource)
    {
    }

    public void Deleted(KafkaReconciliation resource)
    {
    }
}
