using k8s;
using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Tests.ApiServer;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.EndToEnd;

/// <summary>Reads of the resource and its events as a user would see them, plus bounded waits on them.</summary>
internal static class KubernetesReads
{
    private const string Group = "kafkarecon.io";
    private const string Version = "v1alpha1";
    private const string Plural = "kafkareconciliations";

    public static async Task<KafkaReconciliation?> TryGetAsync(this k8s.Kubernetes client, string name)
    {
        try
        {
            var raw = await client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, TestApiServer.Namespace, Plural, name);
            return KubernetesJson.Deserialize<KafkaReconciliation>(KubernetesJson.Serialize(raw));
        }
        catch (k8s.Autorest.HttpOperationException error) when (error.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public static async Task<KafkaReconciliation> WaitForAsync(
        this k8s.Kubernetes client, string name, Func<KafkaReconciliation, bool> condition, string description, TimeSpan? timeout = null)
    {
        KafkaReconciliation? last = null;
        return await Poll.ForAsync(
            async () => (last = await client.TryGetAsync(name)) is { } found && condition(found) ? found : null,
            () => $"{name} {description} (last status: " +
                $"{(last?.Status is null ? "none" : KubernetesJson.Serialize(last.Status))})",
            timeout ?? TimeSpan.FromSeconds(60));
    }

    public static async Task<IList<Corev1Event>> EventsAsync(this k8s.Kubernetes client, string name) =>
        (await client.CoreV1.ListNamespacedEventAsync(TestApiServer.Namespace)).Items
            .Where(e => e.InvolvedObject?.Name == name).ToList();

    public static V1Condition? Condition(this KafkaReconciliation resource, string type) =>
        resource.Status?.Conditions.FirstOrDefault(c => c.Type == type);

    public static bool IsFinished(this KafkaReconciliation resource) =>
        resource.Status?.Phase is ReconciliationPhase.Succeeded or ReconciliationPhase.Failed;
}
