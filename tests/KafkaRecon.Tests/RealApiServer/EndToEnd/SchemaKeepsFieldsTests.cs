using k8s;
using KafkaRecon.Entities;

namespace KafkaRecon.Tests.RealApiServer.EndToEnd;

/// <summary>
/// A structural CRD schema prunes every field it does not name, silently, and rejects an enum value it does not list:
/// the committed CRD must carry every field and phase the types write, or the real server drops them.
/// </summary>
[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class SchemaKeepsFieldsTests(ControlPlane controlPlane)
{
    [RealApiServerFact]
    public async Task Real_server_keeps_spec_start_and_recheck_and_accepts_the_waiting_phase_and_status()
    {
        var namespaceName = await controlPlane.CreateNamespaceAsync("fields");
        using var admin = controlPlane.AdminClient();
        var resource = RealResources.Minimal(namespaceName, "kept");
        resource.Spec.Start = new StartSpec { NotBefore = "2h", QuietPeriod = "15m", MaxWait = "3h" };
        resource.Spec.Recheck = new RecheckSpec { After = ["6h", "24h"] };

        var created = await admin.CustomObjects.CreateNamespacedCustomObjectAsync<KafkaReconciliation>(resource,
            KafkaReconciliation.Group, KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural);

        Assert.Equal("2h", created.Spec.Start.NotBefore);
        Assert.Equal("3h", created.Spec.Start.MaxWait);
        Assert.Equal(["6h", "24h"], created.Spec.Recheck.After);

        created.Status = new KafkaReconciliationStatus
        {
            Phase = ReconciliationPhase.Waiting,
            Waiting = new WaitingStatus { Since = DateTimeOffset.UtcNow, WaitingFor = ["quietPeriod"] },
        };
        var written = await admin.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<KafkaReconciliation>(created,
            KafkaReconciliation.Group, KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural, "kept");

        Assert.Equal(ReconciliationPhase.Waiting, written.Status!.Phase);
        Assert.Equal(["quietPeriod"], written.Status.Waiting!.WaitingFor);
    }

    [RealApiServerFact]
    public async Task Real_server_accepts_every_phase_the_operator_writes_including_queued()
    {
        var namespaceName = await controlPlane.CreateNamespaceAsync("phases");
        using var admin = controlPlane.AdminClient();
        var current = await admin.CustomObjects.CreateNamespacedCustomObjectAsync<KafkaReconciliation>(
            RealResources.Minimal(namespaceName, "phases"),
            KafkaReconciliation.Group, KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural);

        foreach (var phase in Enum.GetValues<ReconciliationPhase>())
        {
            current.Status = new KafkaReconciliationStatus { Phase = phase };
            current = await admin.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<KafkaReconciliation>(current,
                KafkaReconciliation.Group, KafkaReconciliation.Version, namespaceName, KafkaReconciliation.Plural, "phases");
            Assert.Equal(phase, current.Status!.Phase);
        }
    }
}
