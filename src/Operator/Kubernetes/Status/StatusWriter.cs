using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Reconciliation;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Kubernetes.Status;

/// <summary>
/// The one place status is written: PUT of the status subresource with the object's resourceVersion. On 409 it
/// re-reads the object and applies the same new status onto the fresh copy, a bounded number of times.
/// </summary>
internal sealed class StatusWriter(IResourceStore store, ILogger<StatusWriter> logger) : IStatusSink
{
    public const int MaxAttempts = 5;

    public async Task<KafkaReconciliation> WriteStatusAsync(
        KafkaReconciliation resource, KafkaReconciliationStatus status, CancellationToken cancellationToken)
    {
        if (SameStatus(resource.Status, status))
        {
            // Writing an unchanged status would only bump resourceVersion and wake the watch for nothing.
            return resource;
        }
        var key = ResourceKey.Of(resource);
        var target = resource;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await store.ReplaceStatusAsync(WithStatus(target, status), cancellationToken);
            }
            catch (KubernetesApiException conflict) when (conflict.Kind == ApiErrorKind.Conflict && attempt < MaxAttempts)
            {
                logger.LogDebug("Status write of {Key} conflicted at {ResourceVersion} (attempt {Attempt}); re-reading",
                    key, target.Metadata.ResourceVersion, attempt);
                target = await store.GetAsync(key, cancellationToken);
            }
        }
    }

    private static KafkaReconciliation WithStatus(KafkaReconciliation resource, KafkaReconciliationStatus status) => new()
    {
        ApiVersion = resource.ApiVersion,
        Kind = resource.Kind,
        Metadata = resource.Metadata,
        Spec = resource.Spec,
        Status = status,
    };

    private static bool SameStatus(KafkaReconciliationStatus? current, KafkaReconciliationStatus next) =>
        current is not null && KubernetesJson.Serialize(current) == KubernetesJson.Serialize(next);
}
