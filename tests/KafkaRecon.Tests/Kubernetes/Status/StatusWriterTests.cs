using System.Text.Json;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Status;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Tests.Kubernetes.Support;
using Microsoft.Extensions.Logging.Abstractions;
using static KafkaRecon.Tests.Kubernetes.Support.Resources;

namespace KafkaRecon.Tests.Kubernetes.Status;

public sealed class StatusWriterTests : IAsyncLifetime
{
    private const string Ns = "team-a";
    private static readonly string StatusPath = Item(Ns, "daily") + "/status";
    private ScriptedApiStub stub = null!;
    private StatusWriter writer = null!;

    public async Task InitializeAsync()
    {
        stub = await ScriptedApiStub.StartAsync();
        writer = new StatusWriter(new KubernetesResourceStore(stub.Client()), NullLogger<StatusWriter>.Instance);
    }

    public async Task DisposeAsync() => await stub.DisposeAsync();

    [Fact]
    public async Task Status_is_put_to_the_subresource_with_the_objects_resource_version()
    {
        var stored = SampleResource(Ns, "daily", "11");
        stored.Status = Running();
        stub.On("PUT", r => r.Path == StatusPath, Respond.Json(stored));

        var result = await writer.WriteStatusAsync(SampleResource(Ns, "daily", "10"), Running(), CancellationToken.None);

        Assert.Equal("11", result.Metadata.ResourceVersion);
        var put = Assert.Single(stub.Matching("PUT", _ => true));
        var body = JsonDocument.Parse(put.Body).RootElement;
        Assert.Equal("10", body.GetProperty("metadata").GetProperty("resourceVersion").GetString());
        Assert.Equal("Coalescing", body.GetProperty("status").GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Conflict_rereads_the_object_and_applies_the_same_status_onto_the_fresh_copy()
    {
        var fresh = SampleResource(Ns, "daily", "15", generation: 2);
        var stored = SampleResource(Ns, "daily", "16", generation: 2);
        stub.On("PUT", r => r.Path == StatusPath,
            Respond.Status(409, "Conflict", "the object has been modified"), Respond.Json(stored));
        stub.On("GET", r => r.Path == Item(Ns, "daily"), Respond.Json(fresh));

        var result = await writer.WriteStatusAsync(SampleResource(Ns, "daily", "10"), Running(), CancellationToken.None);

        Assert.Equal("16", result.Metadata.ResourceVersion);
        var puts = stub.Matching("PUT", _ => true).Select(p => JsonDocument.Parse(p.Body).RootElement).ToArray();
        Assert.Equal(["10", "15"], puts.Select(p => p.GetProperty("metadata").GetProperty("resourceVersion").GetString()));
        Assert.All(puts, p => Assert.Equal("Coalescing", p.GetProperty("status").GetProperty("phase").GetString()));
        Assert.Single(stub.Matching("GET", _ => true));
    }

    [Fact]
    public async Task Persistent_conflicts_give_up_after_a_bounded_number_of_attempts()
    {
        stub.On("PUT", r => r.Path == StatusPath, Respond.Status(409, "Conflict", "the object has been modified"));
        stub.On("GET", r => r.Path == Item(Ns, "daily"), Respond.Json(SampleResource(Ns, "daily", "15")));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            writer.WriteStatusAsync(SampleResource(Ns, "daily", "10"), Running(), CancellationToken.None));

        Assert.Equal(ApiErrorKind.Conflict, error.Kind);
        Assert.Equal(StatusWriter.MaxAttempts, stub.Matching("PUT", _ => true).Count());
    }

    [Fact]
    public async Task An_unchanged_status_is_not_written()
    {
        var resource = SampleResource(Ns, "daily", "10");
        resource.Status = Running();

        var result = await writer.WriteStatusAsync(resource, Running(), CancellationToken.None);

        Assert.Same(resource, result);
        Assert.Empty(stub.Requests);
    }

    private static KafkaReconciliationStatus Running() => new()
    {
        Phase = ReconciliationPhase.Coalescing,
        ObservedGeneration = 1,
        StartTime = DateTimeOffset.Parse("2026-11-26T01:00:00Z"),
    };
}
