using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KafkaRecon.Tests.RealApiServer.EndToEnd;

/// <summary>
/// On the real API server the answer to the patch that removes the finalizer races with the Deleted event: the
/// operator must forget a deleted resource's writes whichever comes first, and its per-resource metric series.
/// </summary>
[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class DeletedResourceWritesTests(ControlPlane controlPlane)
{
    private const int Resources = 20;

    [RealApiServerFact]
    public async Task Deleted_resources_leave_no_remembered_writes_or_metric_series_behind()
    {
        var namespaceName = await controlPlane.CreateNamespaceAsync("forget");
        using var admin = controlPlane.AdminClient();
        var names = Enumerable.Range(0, Resources).Select(i => $"nightly-{i}").ToList();
        foreach (var name in names)
        {
            var resource = RealResources.Minimal(namespaceName, name);
            var created = KubernetesJson.Deserialize<KafkaReconciliation>(KubernetesJson.Serialize(
                await admin.CustomObjects.CreateNamespacedCustomObjectAsync(resource, KafkaReconciliation.Group,
                    KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural)));
            created.Status = new KafkaReconciliationStatus
            {
                Phase = ReconciliationPhase.Succeeded,
                ObservedGeneration = created.Metadata.Generation,
                StartTime = DateTimeOffset.UtcNow,
                CompletionTime = DateTimeOffset.UtcNow,
            };
            await admin.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(created, KafkaReconciliation.Group,
                KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural, name);
        }
        await using var running = await RealOperator.StartAsync(controlPlane.ClientConfiguration(controlPlane.AdminToken), namespaceName);
        await Poll.UntilAsync(async () => (await ListAsync(admin, namespaceName)).All(r => r.Metadata.Finalizers?.Contains(WellKnown.Finalizer) == true),
            "the operator puts its finalizer on every finished run", TimeSpan.FromSeconds(30));

        using var http = new HttpClient();
        Assert.Contains($"namespace=\"{namespaceName}\"", await http.GetStringAsync($"{running.Url}/metrics"));
        foreach (var name in names)
        {
            await admin.CustomObjects.DeleteNamespacedCustomObjectAsync(KafkaReconciliation.Group,
                KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural, name);
        }
        await Poll.UntilAsync(async () => (await ListAsync(admin, namespaceName)).Count == 0, "every run is gone", TimeSpan.FromSeconds(30));

        var ownWrites = running.Services.GetRequiredService<OwnWrites>();
        await Poll.ForAsync(() => Task.FromResult(ownWrites.Count == 0 ? "forgotten" : null),
            () => $"the operator forgets the writes of the deleted resources (still remembered for {ownWrites.Count})",
            TimeSpan.FromSeconds(5));
        var series = (await http.GetStringAsync($"{running.Url}/metrics")).Split('\n')
            .Where(line => line.Contains($"namespace=\"{namespaceName}\"") && line.Contains("name=\"nightly-")).ToList();
        Assert.True(series.Count == 0, string.Join('\n', series));
    }

    private static async Task<List<KafkaReconciliation>> ListAsync(k8s.Kubernetes admin, string namespaceName)
    {
        var list = await admin.CustomObjects.ListNamespacedCustomObjectAsync(
            KafkaReconciliation.Group, KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural);
        return KubernetesJson.Deserialize<KafkaReconciliationList>(KubernetesJson.Serialize(list)).Items.ToList();
    }
}
