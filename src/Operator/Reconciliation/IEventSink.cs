using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

public enum EventSeverity
{
    Normal,
    Warning,
}

/// <summary>Kubernetes events in a cluster; progress lines for <c>kafka-recon run</c>.</summary>
internal interface IEventSink
{
    Task EmitAsync(
        KafkaReconciliation resource, EventSeverity severity, string reason, string message,
        CancellationToken cancellationToken);
}
