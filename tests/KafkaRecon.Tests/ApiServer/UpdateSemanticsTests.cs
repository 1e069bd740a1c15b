using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KafkaRecon.Entities;
using G = KafkaRecon.Entities.KafkaReconciliation;

namespace KafkaRecon.Tests.ApiServer;

public sealed class UpdateSemanticsTests
{
    private const string Ns = TestApiServer.Namespace;

    private static async Task<G> CreateAsync(k8s.Kubernetes client, string name = "a") =>
        await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(Samples.Reconciliation(name), G.Group, G.Version, Ns, G.Plural);

    private static Task<G> ReplaceAsync(k8s.Kubernetes client, G body) =>
        client.CustomObjects.ReplaceNamespacedCustomObjectAsync<G>(body, G.Group, G.Version, Ns, G.Plural, body.Metadata.Name);

    private static Task<G> ReplaceStatusAsync(k8s.Kubernetes client, G body) =>
        client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<G>(body, G.Group, G.Version, Ns, G.Plural, body.Metadata.Name);

    [Fact]
    public async Task Replace_without_resource_version_is_422_because_custom_resources_disallow_unconditional_update()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var current = await CreateAsync(client);
        current.Metadata.ResourceVersion = null;

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => ReplaceAsync(client, current));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        var status = TestApiServer.StatusOf(error);
        Assert.Equal("Invalid", status.Reason);
        var cause = Assert.Single(status.Details.Causes);
        Assert.Equal("metadata.resourceVersion", cause.Field);
        Assert.Contains("must be specified for an update", cause.Message);
    }

    [Fact]
    public async Task Replace_with_a_stale_resource_version_is_409_Conflict_with_a_Status_body()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var stale = await CreateAsync(client);
        var fresh = await client.CustomObjects.GetNamespacedCustomObjectAsync<G>(G.Group, G.Version, Ns, G.Plural, "a");
        fresh.Spec.Suspend = true;
        await ReplaceAsync(client, fresh);

        stale.Spec.Engine = EngineKind.Aws;
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => ReplaceAsync(client, stale));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        var status = TestApiServer.StatusOf(error);
        Assert.Equal("Status", status.Kind);
        Assert.Equal("Failure", status.Status);
        Assert.Equal("Conflict", status.Reason);
        Assert.Equal(409, status.Code);
        Assert.Equal("a", status.Details.Name);
        Assert.Equal(G.Group, status.Details.Group);
        Assert.Contains("the object has been modified; please apply your changes to the latest version and try again", status.Message);
    }

    [Fact]
    public async Task A_spec_change_bumps_generation()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var current = await CreateAsync(client);

        current.Spec.Suspend = true;
        var updated = await ReplaceAsync(client, current);

        Assert.Equal(2, updated.Metadata.Generation);
        Assert.True(long.Parse(updated.Metadata.ResourceVersion) > long.Parse(current.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task A_metadata_only_change_keeps_generation()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var current = await CreateAsync(client);

        current.Metadata.Labels = new Dictionary<string, string> { ["team"] = "dataworks" };
        current.Metadata.Annotations = new Dictionary<string, string> { [WellKnown.RerunAnnotation] = "1" };
        var updated = await ReplaceAsync(client, current);

        Assert.Equal(1, updated.Metadata.Generation);
        Assert.Equal("dataworks", updated.Metadata.Labels["team"]);
    }

    [Fact]
    public async Task A_status_write_keeps_generation_and_ignores_spec_changes()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var current = await CreateAsync(client);

        current.Spec.Suspend = true;
        current.Status = new KafkaReconciliationStatus { Phase = ReconciliationPhase.Coalescing, ObservedGeneration = 1 };
        var updated = await ReplaceStatusAsync(client, current);

        Assert.Equal(ReconciliationPhase.Coalescing, updated.Status!.Phase);
        Assert.Equal(1, updated.Metadata.Generation);
        Assert.False(updated.Spec.Suspend);
    }

    [Fact]
    public async Task A_main_resource_write_ignores_status()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var current = await CreateAsync(client);
        current.Status = new KafkaReconciliationStatus { Phase = ReconciliationPhase.Querying };
        current = await ReplaceStatusAsync(client, current);

        current.Status!.Phase = ReconciliationPhase.Failed;
        current.Spec.Suspend = true;
        var updated = await ReplaceAsync(client, current);

        Assert.Equal(ReconciliationPhase.Querying, updated.Status!.Phase);
        Assert.True(updated.Spec.Suspend);
    }

    [Fact]
    public async Task Create_ignores_status_when_status_is_a_subresource()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var body = Samples.Reconciliation("a");
        body.Status = new KafkaReconciliationStatus { Phase = ReconciliationPhase.Succeeded };

        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync<G>(body, G.Group, G.Version, Ns, G.Plural);

        Assert.Null(created.Status);
    }

    [Fact]
    public async Task An_identical_write_is_a_no_op_that_keeps_the_resource_version()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var current = await CreateAsync(client);

        var again = await ReplaceAsync(client, current);

        Assert.Equal(current.Metadata.ResourceVersion, again.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task A_merge_patch_without_resource_version_applies_to_the_latest_object()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await CreateAsync(client);

        var patched = await client.CustomObjects.PatchNamespacedCustomObjectAsync<G>(
            new V1Patch("""{"spec":{"suspend":true}}""", V1Patch.PatchType.MergePatch), G.Group, G.Version, Ns, G.Plural, "a");

        Assert.True(patched.Spec.Suspend);
        Assert.Equal(2, patched.Metadata.Generation);
        Assert.Equal("/data/import", patched.Spec.Manifests.ImportLocation);
    }

    [Fact]
    public async Task A_merge_patch_carrying_a_stale_resource_version_is_409_Conflict()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var created = await CreateAsync(client);
        await client.CustomObjects.PatchNamespacedCustomObjectAsync<G>(
            new V1Patch("""{"spec":{"suspend":true}}""", V1Patch.PatchType.MergePatch), G.Group, G.Version, Ns, G.Plural, "a");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<G>(
            new V1Patch($$$"""{"metadata":{"resourceVersion":"{{{created.Metadata.ResourceVersion}}}"},"status":{"phase":"Failed"}}""", V1Patch.PatchType.MergePatch),
            G.Group, G.Version, Ns, G.Plural, "a"));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("Conflict", TestApiServer.StatusOf(error).Reason);
    }

    [Fact]
    public async Task A_status_merge_patch_changes_only_status()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await CreateAsync(client);

        var patched = await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<G>(
            new V1Patch("""{"spec":{"suspend":true},"status":{"phase":"Verifying"}}""", V1Patch.PatchType.MergePatch),
            G.Group, G.Version, Ns, G.Plural, "a");

        Assert.Equal(ReconciliationPhase.Verifying, patched.Status!.Phase);
        Assert.False(patched.Spec.Suspend);
        Assert.Equal(1, patched.Metadata.Generation);
    }

    [Fact]
    public async Task A_json_patch_applies_operations_and_a_failed_test_is_422()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await CreateAsync(client);

        var patched = await client.CustomObjects.PatchNamespacedCustomObjectAsync<G>(
            new V1Patch("""[{"op":"test","path":"/spec/engine","value":"embedded"},{"op":"replace","path":"/spec/engine","value":"aws"},{"op":"add","path":"/metadata/finalizers","value":["kafkarecon.io/cleanup"]}]""", V1Patch.PatchType.JsonPatch),
            G.Group, G.Version, Ns, G.Plural, "a");
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CustomObjects.PatchNamespacedCustomObjectAsync<G>(
            new V1Patch("""[{"op":"test","path":"/spec/engine","value":"embedded"},{"op":"replace","path":"/spec/suspend","value":true}]""", V1Patch.PatchType.JsonPatch),
            G.Group, G.Version, Ns, G.Plural, "a"));

        Assert.Equal(EngineKind.Aws, patched.Spec.Engine);
        Assert.Equal([WellKnown.Finalizer], patched.Metadata.Finalizers);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
    }

    [Fact]
    public async Task A_json_patch_replacing_the_resource_version_acts_as_a_precondition()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        await CreateAsync(client);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CustomObjects.PatchNamespacedCustomObjectAsync<G>(
            new V1Patch("""[{"op":"replace","path":"/metadata/resourceVersion","value":"1"},{"op":"replace","path":"/spec/suspend","value":true}]""", V1Patch.PatchType.JsonPatch),
            G.Group, G.Version, Ns, G.Plural, "a"));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
    }

    [Fact]
    public async Task A_full_status_written_by_the_typed_client_round_trips()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        var current = await CreateAsync(client);
        var now = new DateTime(2026, 11, 26, 1, 2, 3, DateTimeKind.Utc);
        current.Status = new KafkaReconciliationStatus
        {
            Phase = ReconciliationPhase.Transforming,
            ObservedGeneration = 1,
            Conditions =
            [
                new V1Condition { Type = ConditionTypes.Reconciling, Status = "True", Reason = ConditionReasons.Progressing, Message = "transforming", LastTransitionTime = now, ObservedGeneration = 1 },
                new V1Condition { Type = ConditionTypes.Ready, Status = "False", Reason = ConditionReasons.Progressing, Message = "", LastTransitionTime = now, ObservedGeneration = 1 },
            ],
            Window = new ResolvedWindow { Start = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero) },
            Phases = new PhaseRecords { Coalesce = new PhaseRecord { State = PhaseState.Succeeded, IdempotencyKey = "k1", ExternalIds = ["job-1"] } },
            Results = new ReconciliationResults { Imported = 10, Exported = 9, MissingExports = 1 },
            TopCollections = [new CollectionResult { Database = "db", Collection = "c", MissingExports = 1 }],
        };

        var written = await ReplaceStatusAsync(client, current);
        var read = await client.CustomObjects.GetNamespacedCustomObjectAsync<G>(G.Group, G.Version, Ns, G.Plural, "a");

        Assert.Equal(KubernetesJson.Serialize(written.Status), KubernetesJson.Serialize(read.Status));
        Assert.Equal(["job-1"], read.Status!.Phases.Coalesce!.ExternalIds);
        Assert.Equal(1, read.Status.Results!.MissingExports);
        Assert.Equal(now, read.Status.Conditions[0].LastTransitionTime);
        Assert.Equal(2, read.Status.Conditions.Count);
    }
}
