using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>
/// Where the driver persists status: the status subresource in a cluster (StatusWriter), memory for
/// <c>kafka-recon run</c>. Returns the resource as stored after the write (new resourceVersion).
/// </summary>
internal interface IStatusSink
{
    Task<KafkaReconciliation> WriteStatusAsync(
        KafkaReconciliation resource, KafkaReconciliationStatus status, CancellationToken cancellationToken);
}
