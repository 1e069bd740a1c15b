using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;

namespace KafkaRecon.Operator.Cli;

/// <summary>Status kept in memory for <c>kafka-recon run</c>: there is no API server to write to.</summary>
internal sealed class InMemoryStatusSink : IStatusSink
{
    private long _resourceVersion;

    public Task<KafkaReconciliation> WriteStatusAsync(
        KafkaReconciliation resource, KafkaReconciliationStatus status, CancellationToken cancellationToken)
    {
        resource.Status = status;
        resource.Metadata.ResourceVersion = (++_resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.FromResult(resource);
    }
}
