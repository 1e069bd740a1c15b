using System.Text.Json.Nodes;
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

    /// <summary>Every resource of one namespace matching <paramref name="labelSelector"/>, all pages read.</summary>
    Task<IReadOnlyList<KafkaReconciliation>> ListByLabelAsync(
        string namespaceName, string labelSelector, CancellationToken cancellationToken);

    /// <summary>
    /// POST of a resource kept as JSON, so fields this version does not know reach the API server unchanged. One that
    /// exists already fails with <see cref="ApiErrorKind.AlreadyExists"/>.
    /// </summary>
    Task CreateAsync(string namespaceName, JsonObject resource, CancellationToken cancellationToken);

    /// <summary>DELETE with background propagation.</summary>
    Task DeleteAsync(ResourceKey key, CancellationToken cancellationToken);
}
