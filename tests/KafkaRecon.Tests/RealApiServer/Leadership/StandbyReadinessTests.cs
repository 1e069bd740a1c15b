using KafkaRecon.Tests.Support;
using k8s;
using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Tests.ApiServer;
using Microsoft.Extensions.DependencyInjection;

namespace KafkaRecon.Tests.RealApiServer.Leadership;

[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class StandbyReadinessTests(ControlPlane controlPlane)
{
    [RealApiServerFact]
    public async Task Both_replicas_on_one_lease_are_ready_and_only_the_leader_reports_leading()
    {
        var namespaceName = await controlPlane.CreateNamespaceAsync("standby");
        var configuration = controlPlane.ClientConfiguration(controlPlane.AdminToken);
        await using var first = await RealOperator.StartAsync(configuration, namespaceName, Election(namespaceName, "replica-a"));
        using var admin = controlPlane.AdminClient();
        await Poll.UntilAsync(async () => await HolderAsync(admin, namespaceName) == "replica-a", "replica-a leads",
            TimeSpan.FromSeconds(20));
        await using var second = await RealOperator.StartAsync(configuration, namespaceName, Election(namespaceName, "replica-b"));

        // A Deployment is Available (and a rollout finishes) only when every replica's /readyz answers 200.
        await Poll.UntilAsync(async () => (await first.ReadyzAsync()).Status == 200 && (await second.ReadyzAsync()).Status == 200,
            "both replicas are ready", TimeSpan.FromSeconds(20));
        Assert.Equal("replica-a", await HolderAsync(admin, namespaceName));
        // Leading is its own fact (the kafka_recon_leader gauge reads it; both hosts share one registry in-process).
        Assert.True(first.Services.GetRequiredService<ILeadership>().IsLeader);
        Assert.False(second.Services.GetRequiredService<ILeadership>().IsLeader);
        Assert.Contains("standby", (await second.ReadyzAsync()).Body, StringComparison.Ordinal);
    }

    [RealApiServerFact]
    public async Task A_replica_the_server_forbids_the_lease_is_not_ready_since_it_could_never_lead()
    {
        var namespaceName = await controlPlane.CreateNamespaceAsync("nolease");
        using var admin = controlPlane.AdminClient();
        var token = await controlPlane.ServiceAccountTokenAsync(namespaceName, "kafka-recon");
        // The operator's rules without the leader-election ones, as with rbac.create=false and hand-written rules.
        await ChartRbac.BindAsync(admin, namespaceName, "kafka-recon", "operator-rules.yaml");
        var forbidden = new ForbiddenRecorder();
        await using var replica = await RealOperator.StartAsync(controlPlane.ClientConfiguration(token), namespaceName,
            Election(namespaceName, "replica-forbidden"), handler: forbidden);

        // After several refused Lease reads: a ready replica here would let a rollout finish with no leader at all.
        await Poll.UntilAsync(() => forbidden.Forbidden.Count(call => call.Contains("/leases/", StringComparison.Ordinal)) >= 3,
            "the server refuses the Lease a few times", TimeSpan.FromSeconds(20));
        var (status, body) = await replica.ReadyzAsync();
        Assert.True(status == 503, $"/readyz answered {status}: {body}");
        Assert.False(replica.Services.GetRequiredService<ILeadership>().IsLeader);
    }

    private static LeaderElectionOptions Election(string namespaceName, string identity) => new()
    {
        Enabled = true,
        LeaseNamespace = namespaceName,
        Identity = identity,
        LeaseDuration = TimeSpan.FromSeconds(6),
        RenewDeadline = TimeSpan.FromSeconds(4),
        RetryPeriod = TimeSpan.FromMilliseconds(500),
    };

    private static async Task<string?> HolderAsync(k8s.Kubernetes client, string namespaceName)
    {
        try
        {
            return (await client.CoordinationV1.ReadNamespacedLeaseAsync(LeaderElectionOptions.DefaultLeaseName, namespaceName))
                .Spec.HolderIdentity;
        }
        catch (k8s.Autorest.HttpOperationException missing) when (missing.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
