using KafkaRecon.Tests.Support;
using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Tests.ApiServer;

namespace KafkaRecon.Tests.RealApiServer.Watching;

[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class ApiServerRestartTests(ControlPlane controlPlane)
{
    [RealApiServerFact]
    public async Task After_an_api_server_restart_on_a_quiet_cluster_the_operator_is_ready_again_and_sees_new_resources()
    {
        var namespaceName = await controlPlane.CreateNamespaceAsync("restart");
        await using var running = await RealOperator.StartAsync(
            controlPlane.ClientConfiguration(controlPlane.AdminToken), namespaceName, watchTimeout: TimeSpan.FromSeconds(1));
        await Poll.UntilAsync(async () => (await running.ReadyzAsync()).Status == 200, "ready before the restart",
            TimeSpan.FromSeconds(20));

        await controlPlane.StopApiServerAsync();
        await Task.Delay(TimeSpan.FromSeconds(1)); // long enough for the operator's watch to notice the outage
        await controlPlane.StartApiServerAsync();

        // Quiet cluster: the new server's watches end with no events and no bookmark; that must not keep /readyz at 503.
        await Poll.UntilAsync(async () => (await running.ReadyzAsync()).Status == 200, "ready again after the restart",
            TimeSpan.FromSeconds(20));
        var steadyUntil = DateTime.UtcNow + TimeSpan.FromSeconds(3); // several one-second watches end empty meanwhile
        while (DateTime.UtcNow < steadyUntil)
        {
            var (status, body) = await running.ReadyzAsync();
            Assert.True(status == 200, $"/readyz went {status} ({body}) on a quiet cluster after the restart");
            await Task.Delay(100);
        }

        using var admin = controlPlane.AdminClient();
        await admin.CustomObjects.CreateNamespacedCustomObjectAsync(RealResources.Minimal(namespaceName, "after-restart"),
            KafkaReconciliation.Group, KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural);
        await Poll.UntilAsync(async () =>
        {
            var raw = await admin.CustomObjects.GetNamespacedCustomObjectAsync(KafkaReconciliation.Group,
                KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural, "after-restart");
            return KubernetesJson.Deserialize<KafkaReconciliation>(KubernetesJson.Serialize(raw)).Status is not null;
        }, "the operator reconciles a resource created after the restart", TimeSpan.FromSeconds(20));
    }
}
