using k8s;
using k8s.Models;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Kubernetes.Store;

/// <summary>
/// Reads and writes <see cref="KafkaReconciliation"/> resources. Every failure surfaces as a
/// <see cref="KubernetesApiException"/> so callers branch on <see cref="ApiErrorKind"/>, never on HTTP details.
/// </summary>
internal interface IResourceStore
{
    Task<KafkaReconciliation> GetAsync(ResourceKey key, CancellationToken cancellationToken);

    /// <summary>Lists one namespace, or all namespaces when <paramref name="namespaceName"/> is null.</summary>
    Task<KafkaReconciliationList> ListAsync(string? namespaceName, CancellationToken cancellationToken);

    /// <summary>
    /// Streams watch events from <paramref name="resourceVersion"/>. An in-stream ERROR event is thrown as a
    /// <see cref="KubernetesApiException"/> (410 → <see cref="ApiErrorKind.Expired"/>); a clean server close ends
    /// the stream.
    /// </summary>
    IAsyncEnumerable<(WatchEventType Type, KafkaReconciliation Resource)> WatchAsync(
        string? namespaceName, string resourceVersion, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>PUT of the status subresource; the resource's resourceVersion is the precondition.</summary>
    Task<KafkaReconciliation> ReplaceStatusAsync(KafkaReconciliation resource, CancellationToken cancellationToken);

    Task<KafkaReconciliation> PatchAsync(ResourceKey key, V1Patch patch, CancellationToken cancellationToken);
}
