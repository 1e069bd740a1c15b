using System.Text.Json;
using k8s.Models;
using KafkaRecon.Operator.Kubernetes.Events;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Tests.Kubernetes.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static KafkaRecon.Tests.Kubernetes.Support.Resources;

namespace KafkaRecon.Tests.Kubernetes.Events;

public sealed class KubernetesEventSinkTests : IAsyncLifetime
{
    private const string EventsPath = "/api/v1/namespaces/team-a/events";
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-11-26T02:00:00Z"));
    private ScriptedApiStub stub = null!;
    private KubernetesEventSink sink = null!;

    public async Task InitializeAsync()
    {
        stub = await ScriptedApiStub.StartAsync();
        stub.On("POST", r => r.Path == EventsPath, Respond.Json(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "daily.0001", NamespaceProperty = "team-a" },
            InvolvedObject = new V1ObjectReference(),
            Count = 1,
        }, 201));
        stub.On("PATCH", r => r.Path.StartsWithSegments(EventsPath),
            Respond.Json(new Corev1Event { Metadata = new V1ObjectMeta { Name = "daily.0001" }, InvolvedObject = new V1ObjectReference() }));
        sink = new KubernetesEventSink(stub.Client(), time, new EventSinkOptions("pod-1_abc"),
            NullLogger<KubernetesEventSink>.Instance);
    }

    public async Task DisposeAsync() => await stub.DisposeAsync();

    [Fact]
    public async Task An_event_names_the_resource_by_uid_and_version_and_reports_kafka_recon()
    {
        await sink.EmitAsync(SampleResource("team-a", "daily", "12"), EventSeverity.Warning, "PhaseFailed",
            "Glue run failed", CancellationToken.None);

        var body = JsonDocument.Parse(Assert.Single(stub.Matching("POST", _ => true)).Body).RootElement;
        var involved = body.GetProperty("involvedObject");
        Assert.Equal("KafkaReconciliation", involved.GetProperty("kind").GetString());
        Assert.Equal("uid-team-a-daily", involved.GetProperty("uid").GetString());
        Assert.Equal("12", involved.GetProperty("resourceVersion").GetString());
        Assert.Equal("Warning", body.GetProperty("type").GetString());
        Assert.Equal("PhaseFailed", body.GetProperty("reason").GetString());
        Assert.Equal("kafka-recon", body.GetProperty("reportingComponent").GetString());
        Assert.Equal("pod-1_abc", body.GetProperty("reportingInstance").GetString());
        Assert.StartsWith("daily.", body.GetProperty("metadata").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_repeat_within_the_window_bumps_the_count_instead_of_creating_another_event()
    {
        var resource = SampleResource("team-a", "daily", "12");
        await sink.EmitAsync(resource, EventSeverity.Normal, "Requeued", "waiting for Glue", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await sink.EmitAsync(resource, EventSeverity.Normal, "Requeued", "waiting for Glue", CancellationToken.None);

        Assert.Single(stub.Matching("POST", _ => true));
        var patch = Assert.Single(stub.Matching("PATCH", _ => true));
        Assert.EndsWith("/daily.0001", patch.Path);
        Assert.Equal(2, JsonDocument.Parse(patch.Body).RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_repeat_after_the_window_creates_a_new_event()
    {
        var resource = SampleResource("team-a", "daily", "12");
        await sink.EmitAsync(resource, EventSeverity.Normal, "Requeued", "waiting for Glue", CancellationToken.None);
        time.Advance(KubernetesEventSink.AggregationWindow + TimeSpan.FromSeconds(1));
        await sink.EmitAsync(resource, EventSeverity.Normal, "Requeued", "waiting for Glue", CancellationToken.None);

        Assert.Equal(2, stub.Matching("POST", _ => true).Count());
        Assert.Empty(stub.Matching("PATCH", _ => true));
    }

    [Fact]
    public async Task A_failing_event_write_does_not_fail_the_caller()
    {
        stub.On("POST", r => r.Path == EventsPath, Respond.Status(403, "Forbidden", "events is forbidden"));

        await sink.EmitAsync(SampleResource("team-a", "daily", "12"), EventSeverity.Normal, "Started", "run started",
            CancellationToken.None);

        Assert.Single(stub.Matching("POST", _ => true));
    }
}
