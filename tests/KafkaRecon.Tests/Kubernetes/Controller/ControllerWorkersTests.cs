using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Controller;
using KafkaRecon.Operator.Kubernetes.Queue;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Tests.Kubernetes.Support;
using KafkaRecon.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static KafkaRecon.Tests.Kubernetes.Support.Resources;

namespace KafkaRecon.Tests.Kubernetes.Controller;

public sealed class ControllerWorkersTests : IAsyncLifetime
{
    private const string Ns = "team-a";
    private static readonly ResourceKey Key = new(Ns, "daily");
    private readonly FakeTimeProvider time = new();
    private readonly RecordingReconciler reconciler = new();
    private ScriptedApiStub stub = null!;
    private WorkQueue<ResourceKey> queue = null!;
    private Task running = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        stub = await ScriptedApiStub.StartAsync();
        stub.On("GET", r => r.Path == Item(Ns, "daily"),
            Respond.Json(SampleResource(Ns, "daily", "5", finalizers: WellKnown.Finalizer)));
        queue = new WorkQueue<ResourceKey>(time);
        var controller = new ResourceController(
            new KubernetesResourceStore(stub.Client()), reconciler, NullLogger<ResourceController>.Instance);
        running = new ControllerWorkers(queue, controller, NoReconcileObserver.Instance, TimeProvider.System, NullLogger<ControllerWorkers>.Instance)
            .RunAsync(2, 0, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        queue.ShutDown();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        queue.Dispose();
        await stub.DisposeAsync();
    }

    [Fact]
    public async Task A_failed_reconcile_is_retried_after_its_backoff_and_success_resets_it()
    {
        reconciler.Then(_ => throw new InvalidOperationException("engine unavailable"));
        queue.Add(Key);

        await Poll.UntilAsync(() => queue.RetriesTotal == 1 && queue.InFlight == 0, "one retry scheduled");
        Assert.Equal(1, queue.Failures(Key));
        Assert.Single(reconciler.Reconciled);

        time.Advance(TimeSpan.FromMilliseconds(5));
        await Poll.UntilAsync(() => reconciler.Reconciled.Count == 2 && queue.InFlight == 0, "the retry");
        Assert.Equal(0, queue.Failures(Key));
    }

    [Fact]
    public async Task RequeueAfter_polls_the_resource_again_once_the_delay_passes()
    {
        reconciler.Then(_ => ReconcileOutcome.After(TimeSpan.FromSeconds(30)));
        queue.Add(Key);
        await Poll.UntilAsync(() => reconciler.Reconciled.Count == 1 && queue.InFlight == 0, "first reconcile");

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, queue.Depth);
        time.Advance(TimeSpan.FromSeconds(1));

        await Poll.UntilAsync(() => reconciler.Reconciled.Count == 2, "the poll after 30 s");
        Assert.Equal(0, queue.RetriesTotal);
    }

    [Fact]
    public async Task A_finished_resource_is_not_requeued()
    {
        queue.Add(Key);
        await Poll.UntilAsync(() => reconciler.Reconciled.Count == 1 && queue.InFlight == 0, "one reconcile");

        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, queue.Depth);
        Assert.Single(reconciler.Reconciled);
    }
}
