using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KafkaRecon.Tests.ApiServer;

public sealed class LeaseAndEventTests
{
    private const string Ns = TestApiServer.Namespace;

    private static V1Lease Lease(string holder) => new()
    {
        Metadata = new V1ObjectMeta { Name = "kafka-recon-leader" },
        Spec = new V1LeaseSpec { HolderIdentity = holder, LeaseDurationSeconds = 15 },
    };

    [Fact]
    public async Task A_lease_is_created_read_and_replaced_with_its_resource_version()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();

        await client.CoordinationV1.CreateNamespacedLeaseAsync(Lease("pod-a"), Ns);
        var read = await client.CoordinationV1.ReadNamespacedLeaseAsync("kafka-recon-leader", Ns);
        read.Spec.HolderIdentity = "pod-b";
        var replaced = await client.CoordinationV1.ReplaceNamespacedLeaseAsync(read, "kafka-recon-leader", Ns);

        Assert.Equal("pod-b", replaced.Spec.HolderIdentity);
        Assert.True(long.Parse(replaced.Metadata.ResourceVersion) > long.Parse(read.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task Replacing_a_lease_with_a_stale_resource_version_is_409_Conflict()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await client.CoordinationV1.CreateNamespacedLeaseAsync(Lease("pod-a"), Ns);
        var seenByA = await client.CoordinationV1.ReadNamespacedLeaseAsync("kafka-recon-leader", Ns);
        var seenByB = await client.CoordinationV1.ReadNamespacedLeaseAsync("kafka-recon-leader", Ns);
        seenByA.Spec.RenewTime = DateTime.UtcNow;
        await client.CoordinationV1.ReplaceNamespacedLeaseAsync(seenByA, "kafka-recon-leader", Ns);

        seenByB.Spec.HolderIdentity = "pod-b";
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoordinationV1.ReplaceNamespacedLeaseAsync(seenByB, "kafka-recon-leader", Ns));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("Conflict", TestApiServer.StatusOf(error).Reason);
    }

    [Fact]
    public async Task Creating_a_lease_that_exists_is_409_AlreadyExists()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await client.CoordinationV1.CreateNamespacedLeaseAsync(Lease("pod-a"), Ns);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoordinationV1.CreateNamespacedLeaseAsync(Lease("pod-b"), Ns));

        Assert.Equal("AlreadyExists", TestApiServer.StatusOf(error).Reason);
    }

    [Fact]
    public async Task Core_events_are_created_listed_by_involved_object_and_patched()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var recorded = new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "nightly.phase" },
            InvolvedObject = new V1ObjectReference { Kind = "KafkaReconciliation", Name = "nightly", NamespaceProperty = Ns },
            Reason = "PhaseChanged",
            Message = "Coalescing",
            Type = "Normal",
            Count = 1,
        };

        await client.CoreV1.CreateNamespacedEventAsync(recorded, Ns);
        await client.CoreV1.PatchNamespacedEventAsync(new V1Patch("""{"count":2}""", V1Patch.PatchType.MergePatch), "nightly.phase", Ns);
        var listed = await client.CoreV1.ListNamespacedEventAsync(Ns, fieldSelector: "involvedObject.name=nightly");
        var other = await client.CoreV1.ListNamespacedEventAsync(Ns, fieldSelector: "involvedObject.name=someone-else");

        var only = Assert.Single(listed.Items);
        Assert.Equal(("PhaseChanged", 2), (only.Reason, only.Count));
        Assert.Empty(other.Items);
    }

    [Fact]
    public async Task Events_k8s_io_events_are_created_and_listed()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var recorded = new Eventsv1Event
        {
            Metadata = new V1ObjectMeta { GenerateName = "nightly." },
            EventTime = DateTime.UtcNow,
            ReportingController = "kafkarecon.io/operator",
            ReportingInstance = "pod-a",
            Action = "Reconcile",
            Reason = "PhaseChanged",
            Regarding = new V1ObjectReference { Kind = "KafkaReconciliation", Name = "nightly", NamespaceProperty = Ns },
            Type = "Normal",
        };

        var created = await client.EventsV1.CreateNamespacedEventAsync(recorded, Ns);
        var listed = await client.EventsV1.ListNamespacedEventAsync(Ns);

        Assert.StartsWith("nightly.", created.Metadata.Name);
        Assert.Equal(created.Metadata.Name, Assert.Single(listed.Items).Metadata.Name);
    }

    [Fact]
    public async Task A_secret_is_read_back()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "slack" },
            StringData = new Dictionary<string, string> { ["url"] = "https://hooks.example/T" },
            Data = new Dictionary<string, byte[]> { ["url"] = "https://hooks.example/T"u8.ToArray() },
        }, Ns);

        var secret = await client.CoreV1.ReadNamespacedSecretAsync("slack", Ns);

        Assert.Equal("https://hooks.example/T", System.Text.Encoding.UTF8.GetString(secret.Data["url"]));
    }
}
