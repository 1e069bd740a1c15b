using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.ApiServer;

/// <summary>The client's own LeaseLock (optimistic concurrency on the Lease) works against the fake.</summary>
[Trait("Category", "Slow")]
public sealed class LeaderElectionTests
{
    private static LeaderElector Elector(k8s.Kubernetes client, string identity) =>
        new(new LeaderElectionConfig(new LeaseLock(client, TestApiServer.Namespace, "kafka-recon-leader", identity))
        {
            LeaseDuration = TimeSpan.FromSeconds(4),
            RenewDeadline = TimeSpan.FromSeconds(3),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        });

    [Fact]
    public async Task Two_electors_on_one_lease_have_one_leader_and_the_other_takes_over_when_it_stops()
    {
        await using var server = await TestApiServer.StartAsync();
        using var clientA = server.Client();
        using var clientB = server.Client();
        using var electorA = Elector(clientA, "pod-a");
        using var electorB = Elector(clientB, "pod-b");
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();

        var runA = electorA.RunUntilLeadershipLostAsync(stopA.Token);
        await Poll.UntilAsync(electorA.IsLeader, "pod-a leads");
        var runB = electorB.RunAndTryToHoldLeadershipForeverAsync(stopB.Token);
        await Poll.UntilAsync(() => server.Requests.Count("get", "leases") >= 10, "pod-b tried to acquire the lease several times");
        var bothLedAtOnce = electorA.IsLeader() && electorB.IsLeader();
        var bLedWhileARenewed = electorB.IsLeader();

        await stopA.CancelAsync();
        await Poll.UntilAsync(electorB.IsLeader, "pod-b takes over after the lease expires", TimeSpan.FromSeconds(30));
        await stopB.CancelAsync();
        await Task.WhenAll(Swallow(runA), Swallow(runB));

        Assert.False(bothLedAtOnce);
        Assert.False(bLedWhileARenewed);
        var lease = await clientB.CoordinationV1.ReadNamespacedLeaseAsync("kafka-recon-leader", TestApiServer.Namespace);
        Assert.Equal("pod-b", lease.Spec.HolderIdentity);
    }

    private static async Task Swallow(Task run)
    {
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
            // Stopped by the test.
        }
    }
}
