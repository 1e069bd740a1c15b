using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Watching;

namespace KafkaRecon.Operator.Kubernetes.Store;

/// <summary>
/// Tells <see cref="OwnWrites"/> the version of every object this operator writes (status, finalizer patches), as
/// soon as the API server answers, so the watcher can drop their echoes.
/// </summary>
internal sealed class OwnWriteRecordingStore(IResourceStore inner, OwnWrites ownWrites) : IResourceStore
{
    public Task<KafkaReconciliation> GetAsync(ResourceKey key, CancellationToken cancellationToken) =>
        inner.GetAsync(key, cancellationToken);

    public Task<KafkaReconciliationList> ListAsync(string? namespaceName, CancellationToken cancellationToken) =>
        inner.ListAsync(namespaceName, cancellationToken);

    public IAsyncEnumerable<(WatchEventType Type, KafkaReconciliation Resource)> WatchAsync(
        string? namespaceName, string resourceVersion, TimeSpan timeout, CancellationToken cancellationToken) =>
        inner.WatchAsync(namespaceName, resourceVersion, timeout, cancellationToken);

    public async Task<KafkaReconciliation> ReplaceStatusAsync(
        KafkaReconciliation resource, CancellationToken cancellationToken) =>
        Recorded(await inner.ReplaceStatusAsync(resource, cancellationToken));

    public async Task<KafkaReconciliation> PatchAsync(ResourceKey key, V1Patch patch, CancellationToken cancellationToken) =>
        Recorded(await inner.PatchAsync(key, patch, cancellationToken));

    public Task<IReadOnlyList<KafkaReconciliation>> ListByLabelAsync(
        string namespaceName, string labelSelector, CancellationToken cancellationToken) =>
        inner.ListByLabelAsync(namespaceName, labelSelector, cancellationToken);

    public Task CreateAsync(string namespaceName, JsonObject resource, CancellationToken cancellationToken) =>
        inner.CreateAsync(namespaceName, resource, cancellationToken);

    public Task DeleteAsync(ResourceKey key, CancellationToken cancellationToken) =>
        inner.DeleteAsync(key, cancellationToken);

    private KafkaReconciliation Recorded(KafkaReconciliation written)
    {
        ownWrites.Record(written);
        return written;
    }
}
