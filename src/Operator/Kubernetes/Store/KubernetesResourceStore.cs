using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Kubernetes.Store;

/// <summary>The only class that calls <c>client.CustomObjects</c> for <see cref="KafkaReconciliation"/>.</summary>
internal sealed class KubernetesResourceStore(IKubernetes client) : IResourceStore
{
    private const string Group = KafkaReconciliation.Group;
    private const string Version = KafkaReconciliation.Version;
    private const string Plural = KafkaReconciliation.Plural;
    private const int PageSize = 500;

    public Task<KafkaReconciliation> GetAsync(ResourceKey key, CancellationToken cancellationToken) =>
        Call($"GET {key}", () => client.CustomObjects.GetNamespacedCustomObjectAsync<KafkaReconciliation>(
            Group, Version, key.Namespace, Plural, key.Name, cancellationToken));

    public Task<KafkaReconciliationList> ListAsync(string? namespaceName, CancellationToken cancellationToken) =>
        namespaceName is null
            ? Call("LIST all namespaces", () => client.CustomObjects
                .ListCustomObjectForAllNamespacesAsync<KafkaReconciliationList>(
                    Group, Version, Plural, cancellationToken: cancellationToken))
            : Call($"LIST {namespaceName}", () => client.CustomObjects
                .ListNamespacedCustomObjectAsync<KafkaReconciliationList>(
                    Group, Version, namespaceName, Plural, cancellationToken: cancellationToken));

    public async IAsyncEnumerable<(WatchEventType Type, KafkaReconciliation Resource)> WatchAsync(
        string? namespaceName, string resourceVersion, TimeSpan timeout,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var operation = $"WATCH {namespaceName ?? "all namespaces"} from {resourceVersion}";
        Exception? streamError = null;
        // The client passes in-stream ERROR events (e.g. 410 Expired) to onError and then ends the stream
        // silently; recording them here is what tells a 410 apart from a normal server timeout.
        void OnError(Exception error) => streamError ??= error;

        var timeoutSeconds = (int)Math.Max(1, timeout.TotalSeconds);
        var events = namespaceName is null
            ? client.CustomObjects.WatchListCustomObjectForAllNamespacesAsync(
                Group, Version, Plural, allowWatchBookmarks: true, resourceVersion: resourceVersion,
                timeoutSeconds: timeoutSeconds, onError: OnError, cancellationToken: cancellationToken)
            : client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                Group, Version, namespaceName, Plural, allowWatchBookmarks: true, resourceVersion: resourceVersion,
                timeoutSeconds: timeoutSeconds, onError: OnError, cancellationToken: cancellationToken);

        await using var enumerator = events.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool moved;
            try
            {
                moved = await enumerator.MoveNextAsync();
            }
            catch (HttpOperationException http)
            {
                throw ApiErrors.From(http, operation);
            }
            if (streamError is not null)
            {
                throw Translate(streamError, operation);
            }
            if (!moved)
            {
                yield break;
            }
            var (type, body) = enumerator.Current;
            yield return (type, ToResource(body));
        }
    }

    public Task<KafkaReconciliation> ReplaceStatusAsync(
        KafkaReconciliation resource, CancellationToken cancellationToken) =>
        Call($"PUT status of {ResourceKey.Of(resource)}", () => client.CustomObjects
            .ReplaceNamespacedCustomObjectStatusAsync<KafkaReconciliation>(
                resource, Group, Version, resource.Metadata.NamespaceProperty, Plural, resource.Metadata.Name,
                cancellationToken: cancellationToken));

    public Task<KafkaReconciliation> PatchAsync(ResourceKey key, V1Patch patch, CancellationToken cancellationToken) =>
        Call($"PATCH {key}", () => client.CustomObjects.PatchNamespacedCustomObjectAsync<KafkaReconciliation>(
            patch, Group, Version, key.Namespace, Plural, key.Name, cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<KafkaReconciliation>> ListByLabelAsync(
        string namespaceName, string labelSelector, CancellationToken cancellationToken)
    {
        var items = new List<KafkaReconciliation>();
        string? continueToken = null;
        do
        {
            var page = await Call($"LIST {namespaceName} -l {labelSelector}", () => client.CustomObjects
                .ListNamespacedCustomObjectAsync<KafkaReconciliationList>(
                    Group, Version, namespaceName, Plural, continueParameter: continueToken,
                    labelSelector: labelSelector, limit: PageSize, cancellationToken: cancellationToken));
            items.AddRange(page.Items);
            continueToken = page.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(continueToken));
        return items;
    }

    public Task CreateAsync(string namespaceName, JsonObject resource, CancellationToken cancellationToken) =>
        Call($"POST {namespaceName}/{(string?)resource["metadata"]?["name"]}", () => client.CustomObjects
            .CreateNamespacedCustomObjectAsync(
                resource, Group, Version, namespaceName, Plural, cancellationToken: cancellationToken));

    public Task DeleteAsync(ResourceKey key, CancellationToken cancellationToken) =>
        Call($"DELETE {key}", () => client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            Group, Version, key.Namespace, Plural, key.Name, propagationPolicy: "Background",
            cancellationToken: cancellationToken));

    private static KafkaReconciliation ToResource(object body) => body switch
    {
        KafkaReconciliation typed => typed,
        JsonElement json => KubernetesJson.Deserialize<KafkaReconciliation>(json.GetRawText()),
        _ => KubernetesJson.Deserialize<KafkaReconciliation>(KubernetesJson.Serialize(body)),
    };

    private static Exception Translate(Exception error, string operation) => error switch
    {
        KubernetesException status => ApiErrors.From(status, operation),
        HttpOperationException http => ApiErrors.From(http, operation),
        _ => new KubernetesApiException(ApiErrorKind.Other, 0, $"{operation} failed: {error.Message}", inner: error),
    };

    private static async Task<T> Call<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpOperationException http)
        {
            throw ApiErrors.From(http, operation);
        }
    }
}
