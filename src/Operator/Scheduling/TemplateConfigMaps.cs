using k8s;
using k8s.Autorest;
using KafkaRecon.Operator.Kubernetes.Store;

namespace KafkaRecon.Operator.Scheduling;

/// <summary>Reads a template kept in a ConfigMap key (<c>create --template-configmap</c>).</summary>
internal sealed class TemplateConfigMaps(IKubernetes client)
{
    public async Task<string> ReadValueAsync(string @namespace, string name, string key, CancellationToken ct)
    {
        var what = $"read ConfigMap {@namespace}/{name}";
        var configMap = await CreateApiErrors.Call(what, async () =>
        {
            try
            {
                return await client.CoreV1.ReadNamespacedConfigMapAsync(name, @namespace, cancellationToken: ct);
            }
            catch (HttpOperationException e)
            {
                throw ApiErrors.From(e, $"GET configmap {@namespace}/{name}");
            }
        });
        if (configMap.Data is null || !configMap.Data.TryGetValue(key, out var value))
        {
            var keys = configMap.Data is { Count: > 0 } data ? string.Join(", ", data.Keys.Order()) : "none";
            throw new ScheduleInputException(
                $"ConfigMap {@namespace}/{name} has no key '{key}' (keys: {keys}); set --template-key to the key holding the template.");
        }
        return value;
    }
}
