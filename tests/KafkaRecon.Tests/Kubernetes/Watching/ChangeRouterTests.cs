using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Queue;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Kubernetes.Watching;
using static KafkaRecon.Tests.Kubernetes.Support.Resources;

namespace KafkaRecon.Tests.Kubernetes.Watching;

public sealed class ChangeRouterTests : IDisposable
{
    private readonly WorkQueue<ResourceKey> queue = new(TimeProvider.System);
    private readonly OwnWrites ownWrites = new();
    private readonly ChangeRouter router;

    public ChangeRouterTests() => router = new ChangeRouter(queue, ownWrites);

    public void Dispose() => queue.Dispose();

    [Fact]
    public async Task A_resource_without_status_is_taken_before_resources_already_answered()
    {
        router.Route(WatchEventType.Modified, Answered("ns", "running", "5"));
        router.Route(WatchEventType.Added, SampleResource("ns", "new", "6"));

        Assert.Equal(["ns/new", "ns/running"], await TakeAll(2));
    }

    [Fact]
    public void The_echo_of_this_operators_own_write_is_dropped_once()
    {
        var written = Answered("ns", "a", "7");
        ownWrites.Record(written);

        router.Route(WatchEventType.Modified, written);
        Assert.Equal(0, queue.Depth);
        Assert.Equal(0, ownWrites.Count);

        router.Route(WatchEventType.Modified, written); // the same version again (a relist) is no longer known
        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public void A_change_at_a_version_this_operator_did_not_write_is_queued()
    {
        ownWrites.Record(Answered("ns", "a", "7"));

        router.Route(WatchEventType.Modified, Answered("ns", "a", "8")); // say, a spec edit after the write

        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public void Every_write_of_one_reconcile_has_its_echo_dropped()
    {
        var finalizer = SampleResource("ns", "a", "3");
        var first = Answered("ns", "a", "4");
        var second = Answered("ns", "a", "5");
        foreach (var written in new[] { finalizer, first, second })
        {
            ownWrites.Record(written);
        }

        router.Route(WatchEventType.Modified, finalizer);
        router.Route(WatchEventType.Modified, first);
        router.Route(WatchEventType.Modified, second);

        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public void A_deletion_is_queued_and_forgets_the_resources_writes()
    {
        var written = Answered("ns", "a", "7");
        ownWrites.Record(written);

        router.Route(WatchEventType.Deleted, written);

        Assert.Equal(1, queue.Depth);
        Assert.Equal(0, ownWrites.Count);
    }

    [Fact]
    public void An_own_write_over_a_spec_edit_its_status_has_not_observed_is_queued()
    {
        // The status write conflicted with a spec edit and was applied to the fresh copy (generation 2); a relist
        // (410) shows that copy at this operator's version and never the edit's own event.
        var written = Answered("ns", "a", "9", generation: 2, observed: 1);
        ownWrites.Record(written);

        router.Route(WatchEventType.Added, written);

        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public void An_own_write_over_a_deletion_is_queued()
    {
        var written = Answered("ns", "a", "9");
        written.Metadata.DeletionTimestamp = DateTime.UtcNow;
        ownWrites.Record(written);

        router.Route(WatchEventType.Added, written);

        Assert.Equal(1, queue.Depth);
    }

    private static KafkaReconciliation Answered(
        string ns, string name, string resourceVersion, long generation = 1, long observed = 1)
    {
        var resource = SampleResource(ns, name, resourceVersion, generation);
        resource.Status = new KafkaReconciliationStatus { Phase = ReconciliationPhase.Queued, ObservedGeneration = observed };
        return resource;
    }

    private async Task<List<string>> TakeAll(int count)
    {
        var keys = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var (_, key) = await queue.TakeAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            queue.Done(key);
            keys.Add(key.ToString());
        }
        return keys;
    }
}
