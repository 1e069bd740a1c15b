using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Scheduling;

/// <summary>The Kubernetes calls of <c>kafka-recon create</c>: a thin edge over the custom-objects and ConfigMap APIs.</summary>
internal sealed class ReconciliationResourceClient(IKubernetes client)
{
    private const int PageSize = 500;

    public async Task<IReadOnlyList<KafkaReconciliation>> ListByScheduleAsync(
        string @namespace, string scheduleName, CancellationToken ct)
    {
        var items = new List<KafkaReconciliation>();
        string? continueToken = null;
        do
        {
            var page = await Call(
                () => client.CustomObjects.ListNamespacedCustomObjectAsync<KafkaReconciliationList>(
                    KafkaReconciliation.Group, KafkaReconciliation.Version, @namespace, KafkaReconciliation.Plural,
                    continueParameter: continueToken, labelSelector: $"{WellKnown.ScheduleLabel}={scheduleName}",
                    limit: PageSize, cancellationToken: ct),
                $"list kafkareconciliations in namespace '{@namespace}'");
            items.AddRange(page.Items);
            continueToken = page.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(continueToken));
        return items;
    }

    public async Task<CreateOutcome> CreateAsync(JsonObject resource, string @namespace, CancellationToken ct)
    {
        try
        {
            await client.CustomObjects.CreateNamespacedCustomObjectAsync(
                resource, KafkaReconciliation.Group, KafkaReconciliation.Version, @namespace, KafkaReconciliation.Plural,
                cancellationToken: ct);
            return CreateOutcome.Created;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            return CreateOutcome.AlreadyExists;
        }
        catch (HttpOperationException e)
        {
            throw Explain(e, $"create kafkareconciliation {@namespace}/{(string?)resource["metadata"]?["name"]}");
        }
    }

    /// <summary>Deletes in the background; a resource already gone counts as deleted.</summary>
    public async Task DeleteAsync(string @namespace, string name, CancellationToken ct)
    {
        try
        {
            await client.CustomObjects.DeleteNamespacedCustomObjectAsync(
                KafkaReconciliation.Group, KafkaReconciliation.Version, @namespace, KafkaReconciliation.Plural, name,
                propagationPolicy: "Background", cancellationToken: ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
        catch (HttpOperationException e)
        {
            throw Explain(e, $"delete kafkareconciliation {@namespace}/{name}");
        }
    }

    public async Task<string> ReadConfigMapValueAsync(string @namespace, string name, string key, CancellationToken ct)
    {
        var configMap = await Call(
            () => client.CoreV1.ReadNamespacedConfigMapAsync(name, @namespace, cancellationToken: ct),
            $"read ConfigMap {@namespace}/{name}");
        if (configMap.Data is null || !configMap.Data.TryGetValue(key, out var value))
        {
            var keys = configMap.Data is { Count: > 0 } data ? string.Join(", ", data.Keys.Order()) : "none";
            throw new ScheduleInputException(
                $"ConfigMap {@namespace}/{name} has no key '{key}' (keys: {keys}); set --template-key to the key holding the template.");
        }
        return value;
    }

    private static async Task<T> Call<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return await call();
        }
        catch (HttpOperationException e)
        {
            throw Explain(e, what);
        }
    }

    private static Exception Explain(HttpOperationException e, string what) =>
        e.Response.StatusCode switch
        {
            HttpStatusCode.NotFound => new ScheduleInputException(
                $"Could not {what}: not found (HTTP 404). Check the namespace and name, and that the KafkaReconciliation CRD is installed. {e.Response.Content}"),
            HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => new ScheduleInputException(
                $"Could not {what}: HTTP {(int)e.Response.StatusCode}. The service account needs get/list/create/delete on " +
                $"{KafkaReconciliation.Plural}.{KafkaReconciliation.Group} (and get on the template ConfigMap). {e.Response.Content}"),
            _ => new InvalidOperationException($"Could not {what}: HTTP {(int)e.Response.StatusCode}. {e.Response.Content}", e),
        };
}
