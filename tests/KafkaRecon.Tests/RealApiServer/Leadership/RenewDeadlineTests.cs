using KafkaRecon.Tests.Support;
using System.Collections.Concurrent;
using System.Diagnostics;
using k8s;
using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Tests.ApiServer;
using Microsoft.Extensions.Logging.Abstractions;

namespace KafkaRecon.Tests.RealApiServer.Leadership;

[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class RenewDeadlineTests(ControlPlane controlPlane)
{
    private static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMilliseconds(500);

    [RealApiServerFact]
    public async Task The_leader_keeps_the_lease_through_refused_connections_and_gives_it_up_only_after_the_renew_deadline()
    {
        var namespaceName = await controlPlane.CreateNamespaceAsync("lease");
        await using var proxy = new TcpCutProxy(controlPlane.Port);
        var configuration = controlPlane.ClientConfiguration(controlPlane.AdminToken);
        configuration.Host = proxy.Url;
        using var client = new k8s.Kubernetes(configuration);
        using var admin = controlPlane.AdminClient();
        var losses = new ConcurrentQueue<(string Identity, TimeSpan At)>();
        var clock = Stopwatch.StartNew();
        var options = new LeaderElectionOptions
        {
            Enabled = true,
            LeaseNamespace = namespaceName,
            Identity = "leader-under-test",
            LeaseDuration = TimeSpan.FromSeconds(6),
            RenewDeadline = RenewDeadline,
            RetryPeriod = RetryPeriod,
        };
        var leadership = new LeaseLeadership(client, options, new RecordingLossHandler(id => losses.Enqueue((id, clock.Elapsed))),
            TimeProvider.System, NullLogger<LeaseLeadership>.Instance);
        await leadership.StartAsync(CancellationToken.None);
        try
        {
            await leadership.WhenLeadingAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

            // A blip shorter than the renew deadline: several renews meet a reset or refused connection.
            proxy.Cut();
            await Task.Delay(RenewDeadline / 2);
            proxy.Restore();
            var renewedAfterBlip = DateTime.UtcNow;
            await Poll.UntilAsync(async () =>
            {
                var lease = await admin.CoordinationV1.ReadNamespacedLeaseAsync(options.LeaseName, namespaceName);
                return lease.Spec.RenewTime > renewedAfterBlip;
            }, "the leader renews again once the API server is back", TimeSpan.FromSeconds(10));
            Assert.Empty(losses);
            Assert.True(leadership.IsLeader);

            // An outage longer than the renew deadline: leadership ends, but not before the deadline.
            var cutAt = clock.Elapsed;
            proxy.Cut();
            await Poll.UntilAsync(() => !losses.IsEmpty, "the leadership loss after the renew deadline", RenewDeadline * 3);
            var (identity, lostAt) = losses.Single();
            Assert.Equal("leader-under-test", identity);
            Assert.True(lostAt - cutAt >= RenewDeadline - RetryPeriod - TimeSpan.FromMilliseconds(300),
                $"leadership ended {(lostAt - cutAt).TotalMilliseconds:F0} ms after the API server became unreachable; " +
                $"the renew deadline is {RenewDeadline.TotalMilliseconds} ms");
        }
        finally
        {
            proxy.Restore();
            await leadership.StopAsync(CancellationToken.None);
        }
    }

    private sealed class RecordingLossHandler(Action<string> record) : ILeadershipLossHandler
    {
        public void OnLeadershipLost(string identity) => record(identity);
    }
}
