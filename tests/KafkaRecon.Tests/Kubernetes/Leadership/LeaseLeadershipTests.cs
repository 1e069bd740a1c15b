using System.Collections.Concurrent;
using k8s.Models;
using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Tests.Kubernetes.Support;
using KafkaRecon.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace KafkaRecon.Tests.Kubernetes.Leadership;

public sealed class LeaseLeadershipTests : IAsyncLifetime
{
    private const string LeasePath = "/apis/coordination.k8s.io/v1/namespaces/ops/leases/kafka-recon-leader";
    private const string LeasesPath = "/apis/coordination.k8s.io/v1/namespaces/ops/leases";
    private ScriptedApiStub stub = null!;
    private readonly RecordingLossHandler lossHandler = new();

    public async Task InitializeAsync() => stub = await ScriptedApiStub.StartAsync();

    public async Task DisposeAsync() => await stub.DisposeAsync();

    [Fact]
    public async Task Creating_the_lease_makes_this_replica_leader()
    {
        stub.On("GET", r => r.Path == LeasePath, Respond.Status(404, "NotFound"), Respond.Json(Lease("me", "1")));
        stub.On("POST", r => r.Path == LeasesPath, Respond.Json(Lease("me", "1"), 201));
        stub.On("PUT", r => r.Path == LeasePath, Respond.Json(Lease("me", "2")));
        using var stop = new CancellationTokenSource();
        var leadership = NewLeadership("me");

        await leadership.StartAsync(stop.Token);
        await leadership.WhenLeadingAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.True(leadership.IsLeader);
        await stop.CancelAsync();
        await leadership.StopAsync(CancellationToken.None);
        Assert.Empty(lossHandler.Lost);
    }

    [Fact]
    public async Task Stopping_the_leader_releases_the_lease_with_an_empty_holder()
    {
        stub.On("GET", r => r.Path == LeasePath, Respond.Json(Lease("me", "1")));
        stub.On("PUT", r => r.Path == LeasePath, Respond.Json(Lease("me", "2")));
        var leadership = NewLeadership("me");
        await leadership.StartAsync(CancellationToken.None);
        await leadership.WhenLeadingAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        var renewals = stub.Matching("PUT", r => r.Path == LeasePath).Count();

        await leadership.StopAsync(CancellationToken.None);

        var release = stub.Matching("PUT", r => r.Path == LeasePath).Skip(renewals).Last();
        var lease = k8s.KubernetesJson.Deserialize<V1Lease>(release.Body);
        Assert.Equal("", lease.Spec.HolderIdentity);
        Assert.Equal(1, lease.Spec.LeaseDurationSeconds);
        Assert.NotNull(lease.Spec.RenewTime);
        Assert.Equal("1", lease.Metadata.ResourceVersion); // conditional on the version read: never overwrites a newer holder
        Assert.Empty(lossHandler.Lost);
    }

    [Fact]
    public async Task Stopping_does_not_touch_a_lease_another_replica_holds()
    {
        stub.On("GET", r => r.Path == LeasePath, Respond.Json(Lease("other", "5", renewed: DateTime.UtcNow.AddHours(1))));
        var leadership = NewLeadership("me");
        await leadership.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => stub.Matching("GET", r => r.Path == LeasePath).Any(), "a lease read");

        await leadership.StopAsync(CancellationToken.None);

        Assert.Empty(stub.Matching("PUT", _ => true));
    }

    [Fact]
    public async Task A_lease_held_by_another_replica_keeps_this_one_waiting()
    {
        stub.On("GET", r => r.Path == LeasePath, Respond.Json(Lease("other", "5", renewed: DateTime.UtcNow.AddHours(1))));
        var leadership = NewLeadership("me");

        await leadership.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => stub.Matching("GET", r => r.Path == LeasePath).Count() >= 2, "two lease reads");

        Assert.False(leadership.IsLeader);
        Assert.False(leadership.WhenLeadingAsync(CancellationToken.None).IsCompleted);
        Assert.Empty(stub.Matching("PUT", _ => true));
        await leadership.StopAsync(CancellationToken.None);
        Assert.Empty(lossHandler.Lost);
    }

    [Fact]
    public async Task Failing_to_renew_before_the_deadline_calls_the_loss_handler()
    {
        stub.On("GET", r => r.Path == LeasePath, Respond.Json(Lease("me", "1")));
        stub.On("PUT", r => r.Path == LeasePath, Respond.Json(Lease("me", "2")));
        var leadership = NewLeadership("me");

        await leadership.StartAsync(CancellationToken.None);
        await leadership.WhenLeadingAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Empty(lossHandler.Lost);
        stub.On("GET", r => r.Path == LeasePath, Respond.Status(500, "InternalError"));
        await Poll.UntilAsync(() => !lossHandler.Lost.IsEmpty, "the loss handler");

        Assert.Equal(["me"], lossHandler.Lost);
        Assert.False(leadership.IsLeader);
        await leadership.StopAsync(CancellationToken.None);
    }

    private LeaseLeadership NewLeadership(string identity) => new(
        stub.Client(),
        new LeaderElectionOptions
        {
            Enabled = true,
            LeaseNamespace = "ops",
            Identity = identity,
            LeaseDuration = TimeSpan.FromSeconds(2),
            RenewDeadline = TimeSpan.FromMilliseconds(1200),
            RetryPeriod = TimeSpan.FromMilliseconds(300),
        },
        lossHandler,
        TimeProvider.System,
        NullLogger<LeaseLeadership>.Instance);

    private static V1Lease Lease(string holder, string resourceVersion, DateTime? renewed = null) => new()
    {
        ApiVersion = "coordination.k8s.io/v1",
        Kind = "Lease",
        Metadata = new V1ObjectMeta { Name = "kafka-recon-leader", NamespaceProperty = "ops", ResourceVersion = resourceVersion },
        Spec = new V1LeaseSpec
        {
            HolderIdentity = holder,
            LeaseDurationSeconds = 2,
            AcquireTime = renewed ?? DateTime.UtcNow,
            RenewTime = renewed ?? DateTime.UtcNow,
            LeaseTransitions = 0,
        },
    };

    private sealed class RecordingLossHandler : ILeadershipLossHandler
    {
        public ConcurrentQueue<string> Lost { get; } = new();

        public void OnLeadershipLost(string identity) => Lost.Enqueue(identity);
    }
}
