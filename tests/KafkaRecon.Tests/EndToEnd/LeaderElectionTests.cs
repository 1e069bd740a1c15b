using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Tests.ApiServer;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.EndToEnd;

[Trait("Category", "Slow")]
public sealed class LeaderElectionTests : IDisposable
{
    private readonly GeneratedDataset _dataset = new(records: 300);

    [Fact]
    public async Task Of_two_hosts_on_one_lease_only_the_leader_reconciles_and_the_other_takes_over_when_it_stops()
    {
        var engines = new ObservedEngines();
        var leaderProbe = new ConcurrencyProbe();
        var standbyProbe = new ConcurrencyProbe();
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        using var kubectl = new Kubectl(server);
        await using var leader = await RunningOperator.StartAsync(server, services =>
        {
            engines.Register(services);
            leaderProbe.Register(services);
        }, Election("replica-a"));
        await Poll.UntilAsync(async () => await HolderAsync(client) == "replica-a", "replica-a holds the lease");
        await using var standby = await RunningOperator.StartAsync(server, services =>
        {
            engines.Register(services);
            standbyProbe.Register(services);
        }, Election("replica-b"));

        await Apply(kubectl, "first");
        await client.WaitForAsync("first", r => r.IsFinished(), "finishes under the leader");
        engines.Hold(PhaseName.Transform);
        await Apply(kubectl, "second");
        await client.WaitForAsync("second", r => r.Status?.Phases.Transform?.State == PhaseState.Running, "runs under the leader");
        Assert.True(leaderProbe.Reconciles("first") > 0);
        Assert.Equal(0, standbyProbe.TotalReconciles);

        await leader.StopAsync();
        engines.ReleaseAll();

        await Poll.UntilAsync(async () => await HolderAsync(client) == "replica-b", "replica-b takes the lease", TimeSpan.FromSeconds(30));
        var done = await client.WaitForAsync("second", r => r.IsFinished(), "finishes under the new leader");
        Assert.Equal(_dataset.Truth.Totals.MissingExports, done.Status!.Results!.MissingExports);
        Assert.True(standbyProbe.Reconciles("second") > 0, "the new leader reconciled the run it took over");
        Assert.Equal(2, engines.WorkDone(PhaseName.Transform)); // one transform per run: the takeover did not redo it
    }

    [Fact]
    public async Task A_leader_that_shuts_down_cleanly_hands_over_without_waiting_out_the_lease()
    {
        var longLease = TimeSpan.FromMinutes(5);
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var leader = await RunningOperator.StartAsync(server, _ => { }, Election("replica-a") with { LeaseDuration = longLease });
        await Poll.UntilAsync(async () => await HolderAsync(client) == "replica-a", "replica-a holds the lease");
        await using var standby = await RunningOperator.StartAsync(server, _ => { }, Election("replica-b") with { LeaseDuration = longLease });

        await leader.StopAsync();
        await leader.DisposeAsync();

        // Without the release the standby could not lead for five minutes; the poll gives up long before.
        await Poll.UntilAsync(async () => await HolderAsync(client) == "replica-b", "replica-b takes the released lease",
            TimeSpan.FromSeconds(30));
    }

    private static LeaderElectionOptions Election(string identity) => new()
    {
        Enabled = true,
        LeaseNamespace = TestApiServer.Namespace,
        Identity = identity,
        LeaseDuration = TimeSpan.FromSeconds(2),
        RenewDeadline = TimeSpan.FromSeconds(1.5),
        RetryPeriod = TimeSpan.FromMilliseconds(200),
    };

    private static async Task<string?> HolderAsync(k8s.Kubernetes client)
    {
        try
        {
            var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(LeaderElectionOptions.DefaultLeaseName, TestApiServer.Namespace);
            return lease.Spec?.HolderIdentity;
        }
        catch (k8s.Autorest.HttpOperationException)
        {
            return null;
        }
    }

    private async Task Apply(Kubectl kubectl, string name)
    {
        var (exit, output, error) = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile($"{name}.yaml", _dataset.ResourceYaml(name)));
        Assert.True(exit == 0, output + error);
    }

    public void Dispose() => _dataset.Dispose();
}
