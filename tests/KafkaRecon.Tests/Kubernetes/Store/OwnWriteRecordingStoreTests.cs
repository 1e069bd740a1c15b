using k8s.Models;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Tests.Kubernetes.Support;
using static KafkaRecon.Tests.Kubernetes.Support.Resources;

namespace KafkaRecon.Tests.Kubernetes.Store;

public sealed class OwnWriteRecordingStoreTests : IAsyncLifetime
{
    private const string Ns = "team-a";
    private readonly OwnWrites ownWrites = new();
    private ScriptedApiStub stub = null!;
    private OwnWriteRecordingStore store = null!;

    public async Task InitializeAsync()
    {
        stub = await ScriptedApiStub.StartAsync();
        store = new OwnWriteRecordingStore(new KubernetesResourceStore(stub.Client()), ownWrites);
    }

    public async Task DisposeAsync() => await stub.DisposeAsync();

    [Fact]
    public async Task The_versions_the_server_answers_to_status_writes_and_patches_are_recorded_as_own_writes()
    {
        stub.On("PUT", r => r.Path == Item(Ns, "daily") + "/status", Respond.Json(SampleResource(Ns, "daily", "11")));
        stub.On("PATCH", r => r.Path == Item(Ns, "daily"), Respond.Json(SampleResource(Ns, "daily", "12")));

        await store.ReplaceStatusAsync(SampleResource(Ns, "daily", "10"), CancellationToken.None);
        await store.PatchAsync(new ResourceKey(Ns, "daily"),
            new V1Patch("[]", V1Patch.PatchType.JsonPatch), CancellationToken.None);

        Assert.False(ownWrites.IsEcho(SampleResource(Ns, "daily", "10"))); // what was sent is not what was written
        Assert.True(ownWrites.IsEcho(SampleResource(Ns, "daily", "11")));
        Assert.True(ownWrites.IsEcho(SampleResource(Ns, "daily", "12")));
    }

    [Fact]
    public async Task The_write_that_releases_a_deleted_resource_leaves_none_of_its_writes_remembered()
    {
        // The echo of a status write may never come (a relist skips it), and the Deleted event that would forget the
        // resource may come before the answer to the patch that removed its finalizer: either way, once it is gone
        // nothing would ever forget it. An object being deleted is never dropped as an echo, so nothing is lost.
        var deleting = SampleResource(Ns, "daily", "12");
        deleting.Metadata.DeletionTimestamp = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        stub.On("PUT", r => r.Path == Item(Ns, "daily") + "/status", Respond.Json(SampleResource(Ns, "daily", "11")));
        stub.On("PATCH", r => r.Path == Item(Ns, "daily"), Respond.Json(deleting));

        await store.ReplaceStatusAsync(SampleResource(Ns, "daily", "10"), CancellationToken.None);
        await store.PatchAsync(new ResourceKey(Ns, "daily"),
            new V1Patch("[]", V1Patch.PatchType.JsonPatch), CancellationToken.None);

        Assert.Equal(0, ownWrites.Count);
    }

    [Fact]
    public async Task Reads_record_nothing()
    {
        stub.On("GET", r => r.Path == Item(Ns, "daily"), Respond.Json(SampleResource(Ns, "daily", "13")));

        await store.GetAsync(new ResourceKey(Ns, "daily"), CancellationToken.None);

        Assert.Equal(0, ownWrites.Count);
    }
}
