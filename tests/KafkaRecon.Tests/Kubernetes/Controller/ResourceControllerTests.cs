using System.Text.Json;
using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Controller;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Tests.Kubernetes.Support;
using Microsoft.Extensions.Logging.Abstractions;
using static KafkaRecon.Tests.Kubernetes.Support.Resources;

namespace KafkaRecon.Tests.Kubernetes.Controller;

public sealed class ResourceControllerTests : IAsyncLifetime
{
    private const string Ns = "team-a";
    private static readonly ResourceKey Key = new(Ns, "daily");
    private ScriptedApiStub stub = null!;
    private readonly RecordingReconciler reconciler = new();
    private ResourceController controller = null!;

    public async Task InitializeAsync()
    {
        stub = await ScriptedApiStub.StartAsync();
        controller = new ResourceController(
            new KubernetesResourceStore(stub.Client()), reconciler, NullLogger<ResourceController>.Instance);
    }

    public async Task DisposeAsync() => await stub.DisposeAsync();

    [Fact]
    public async Task A_resource_that_no_longer_exists_is_forgotten_without_reconciling()
    {
        stub.On("GET", r => r.Path == Item(Ns, "daily"), Respond.Status(404, "NotFound", "not found"));

        var outcome = await controller.ReconcileAsync(Key, CancellationToken.None);

        Assert.Equal(ReconcileOutcome.Done, outcome);
        Assert.Empty(reconciler.Reconciled);
    }

    [Fact]
    public async Task Finalizer_is_added_before_the_first_reconcile_which_goes_on_with_the_patched_object()
    {
        stub.On("GET", r => r.Path == Item(Ns, "daily"), Respond.Json(SampleResource(Ns, "daily", "41")));
        stub.On("PATCH", r => r.Path == Item(Ns, "daily"),
            Respond.Json(SampleResource(Ns, "daily", "42", finalizers: WellKnown.Finalizer)));

        await controller.ReconcileAsync(Key, CancellationToken.None);

        var reconciled = Assert.Single(reconciler.Reconciled);
        Assert.Equal("42", reconciled.Metadata.ResourceVersion);
        Assert.Contains(WellKnown.Finalizer, reconciled.Metadata.Finalizers);
        var patch = Assert.Single(stub.Matching("PATCH", _ => true));
        Assert.Equal("application/json-patch+json", patch.ContentType?.Split(';')[0]);
        var operations = JsonDocument.Parse(patch.Body).RootElement.EnumerateArray().ToArray();
        Assert.Equal(("test", "/metadata/resourceVersion", "41"), Op(operations[0]));
        Assert.Equal("add", operations[1].GetProperty("op").GetString());
        Assert.Equal("/metadata/finalizers", operations[1].GetProperty("path").GetString());
        Assert.Equal(WellKnown.Finalizer, operations[1].GetProperty("value")[0].GetString());
    }

    [Fact]
    public async Task Finalizer_is_appended_after_finalizers_of_other_controllers()
    {
        stub.On("GET", r => r.Path == Item(Ns, "daily"),
            Respond.Json(SampleResource(Ns, "daily", "41", finalizers: "other.io/keep")));
        stub.On("PATCH", r => r.Path == Item(Ns, "daily"), Respond.Json(SampleResource(Ns, "daily", "42")));

        await controller.ReconcileAsync(Key, CancellationToken.None);

        var operations = JsonDocument.Parse(Assert.Single(stub.Matching("PATCH", _ => true)).Body)
            .RootElement.EnumerateArray().ToArray();
        Assert.Equal(("add", "/metadata/finalizers/-", WellKnown.Finalizer), Op(operations[1]));
    }

    [Fact]
    public async Task A_resource_with_the_finalizer_is_reconciled_as_freshly_read()
    {
        stub.On("GET", r => r.Path == Item(Ns, "daily"),
            Respond.Json(SampleResource(Ns, "daily", "77", generation: 3, finalizers: WellKnown.Finalizer)));
        reconciler.Then(_ => ReconcileOutcome.After(TimeSpan.FromSeconds(30)));

        var outcome = await controller.ReconcileAsync(Key, CancellationToken.None);

        Assert.Equal(ReconcileOutcome.After(TimeSpan.FromSeconds(30)), outcome);
        var seen = Assert.Single(reconciler.Reconciled);
        Assert.Equal("77", seen.Metadata.ResourceVersion);
        Assert.Equal(3, seen.Metadata.Generation);
    }

    [Fact]
    public async Task Deleting_a_resource_cancels_its_work_before_removing_the_finalizer()
    {
        var deleting = SampleResource(Ns, "daily", "90", finalizers: ["other.io/keep", WellKnown.Finalizer]);
        deleting.Metadata.DeletionTimestamp = DateTime.UtcNow;
        stub.On("GET", r => r.Path == Item(Ns, "daily"), Respond.Json(deleting));
        stub.On("PATCH", r => r.Path == Item(Ns, "daily"), Respond.Json(deleting));
        var patchesWhenCancelled = -1;
        reconciler.OnCancel = _ => patchesWhenCancelled = stub.Matching("PATCH", _ => true).Count();

        var outcome = await controller.ReconcileAsync(Key, CancellationToken.None);

        Assert.Equal(ReconcileOutcome.Done, outcome);
        Assert.Single(reconciler.Cancelled);
        Assert.Equal(0, patchesWhenCancelled);
        Assert.Empty(reconciler.Reconciled);
        var operations = JsonDocument.Parse(Assert.Single(stub.Matching("PATCH", _ => true)).Body)
            .RootElement.EnumerateArray().ToArray();
        Assert.Equal(("test", "/metadata/finalizers/1", WellKnown.Finalizer), Op(operations[0]));
        Assert.Equal("remove", operations[1].GetProperty("op").GetString());
        Assert.Equal("/metadata/finalizers/1", operations[1].GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_deleting_resource_without_our_finalizer_is_left_alone()
    {
        var deleting = SampleResource(Ns, "daily", "90", finalizers: "other.io/keep");
        deleting.Metadata.DeletionTimestamp = DateTime.UtcNow;
        stub.On("GET", r => r.Path == Item(Ns, "daily"), Respond.Json(deleting));

        var outcome = await controller.ReconcileAsync(Key, CancellationToken.None);

        Assert.Equal(ReconcileOutcome.Done, outcome);
        Assert.Empty(reconciler.Cancelled);
        Assert.Empty(stub.Matching("PATCH", _ => true));
    }

    private static (string?, string?, string?) Op(JsonElement operation) =>
        (operation.GetProperty("op").GetString(), operation.GetProperty("path").GetString(),
         operation.GetProperty("value").GetString());
}
