using k8s;
using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Tests.Support;
using G = KafkaRecon.Entities.KafkaReconciliation;

namespace KafkaRecon.Tests.ApiServer;

/// <summary>The real kubectl 1.32 checks the fake: apply, printer columns, yaml, status patch, delete and watch.</summary>
[Trait("Category", "Slow")]
public sealed class KubectlTests
{
    private const string Ns = TestApiServer.Namespace;

    private const string Sample = """
        apiVersion: kafkarecon.io/v1alpha1
        kind: KafkaReconciliation
        metadata:
          name: nightly-2026-11-25
        spec:
          window:
            start: "2026-11-25T00:00:00Z"
            end: "2026-11-26T00:00:00Z"
          engine: embedded
          manifests:
            importLocation: /data/import
            exportLocation: /data/export
          output:
            location: /data/out
        """;

    private static Task<G> GetAsync(k8s.Kubernetes client) =>
        client.CustomObjects.GetNamespacedCustomObjectAsync<G>(G.Group, G.Version, Ns, G.Plural, "nightly-2026-11-25");

    private static Task PatchStatusAsync(k8s.Kubernetes client, string json) =>
        client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<G>(
            new V1Patch(json, V1Patch.PatchType.MergePatch), G.Group, G.Version, Ns, G.Plural, "nightly-2026-11-25");

    private static async Task ApplySampleAsync(Kubectl kubectl)
    {
        var (exit, output, error) = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("sample.yaml", Sample));
        Assert.True(exit == 0, $"kubectl apply failed: {output}{error}");
    }

    [Fact]
    public async Task Apply_creates_the_resource_and_a_second_apply_is_unchanged()
    {
        await using var server = await TestApiServer.StartAsync();
        using var kubectl = new Kubectl(server);
        using var client = server.Client();
        var path = kubectl.WriteFile("sample.yaml", Sample);

        var first = await kubectl.RunAsync("apply", "-f", path);
        var second = await kubectl.RunAsync("apply", "-f", path);

        Assert.Equal((0, "kafkareconciliation.kafkarecon.io/nightly-2026-11-25 created"), (first.ExitCode, first.Output.Trim()));
        Assert.Equal((0, "kafkareconciliation.kafkarecon.io/nightly-2026-11-25 unchanged"), (second.ExitCode, second.Output.Trim()));
        var stored = await GetAsync(client);
        Assert.Equal(EngineKind.Embedded, stored.Spec.Engine);
        Assert.Contains("kubectl.kubernetes.io/last-applied-configuration", stored.Metadata.Annotations.Keys);
        Assert.Contains(server.Requests.All, request => request.Verb == "create" && request.Query.Contains("fieldValidation=Strict"));
    }

    [Fact]
    public async Task Apply_of_a_changed_spec_patches_it_and_bumps_generation()
    {
        await using var server = await TestApiServer.StartAsync();
        using var kubectl = new Kubectl(server);
        using var client = server.Client();
        await ApplySampleAsync(kubectl);

        var (exit, output, error) = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("changed.yaml", Sample + "\n  suspend: true\n"));

        Assert.True(exit == 0, output + error);
        Assert.Contains("configured", output);
        var stored = await GetAsync(client);
        Assert.True(stored.Spec.Suspend);
        Assert.Equal(2, stored.Metadata.Generation);
    }

    [Fact]
    public async Task Apply_of_a_window_ending_before_it_starts_shows_the_crd_message()
    {
        await using var server = await TestApiServer.StartAsync();
        using var kubectl = new Kubectl(server);

        var (exit, _, error) = await kubectl.RunAsync("apply", "-f",
            kubectl.WriteFile("invalid.yaml", Sample.Replace("end: \"2026-11-26T00:00:00Z\"", "end: \"2026-11-24T00:00:00Z\"")));

        Assert.NotEqual(0, exit);
        Assert.Contains("spec.window.end: Invalid value: \"object\": window.end must be after window.start", error);
    }

    [Fact]
    public async Task Apply_of_an_unknown_field_is_rejected_because_kubectl_asks_for_strict_validation()
    {
        await using var server = await TestApiServer.StartAsync();
        using var kubectl = new Kubectl(server);

        var (exit, _, error) = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("unknown.yaml", Sample + "\n  colour: blue\n"));

        Assert.NotEqual(0, exit);
        Assert.Contains("unknown field \"spec.colour\"", error);
    }

    [Fact]
    public async Task Get_by_short_name_shows_the_printer_columns()
    {
        await using var server = await TestApiServer.StartAsync();
        using var kubectl = new Kubectl(server);
        using var client = server.Client();
        await ApplySampleAsync(kubectl);
        await PatchStatusAsync(client, """{"status":{"phase":"Succeeded","window":{"start":"2026-11-25T00:00:00Z","end":"2026-11-26T00:00:00Z"},"results":{"missingExports":42}}}""");

        var (exit, output, error) = await kubectl.RunAsync("get", "krecon");

        Assert.True(exit == 0, error);
        var lines = output.Trim().Split('\n');
        Assert.Equal(["NAME", "PHASE", "WINDOW", "MISSING", "AGE"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var cells = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["nightly-2026-11-25", "Succeeded", "2026-11-25T00:00:00Z", "42"], cells[..4]);
        Assert.Matches(@"^\d+s$", cells[4]);
    }

    [Fact]
    public async Task Get_as_yaml_shows_the_server_assigned_metadata_and_defaults()
    {
        await using var server = await TestApiServer.StartAsync();
        using var kubectl = new Kubectl(server);
        await ApplySampleAsync(kubectl);

        var (exit, output, error) = await kubectl.RunAsync("get", "kr", "nightly-2026-11-25", "-o", "yaml");

        Assert.True(exit == 0, error);
        Assert.Contains("generation: 1", output);
        Assert.Matches(@"resourceVersion: ""\d+""", output);
        Assert.Matches(@"uid: [0-9a-f-]{36}", output);
        Assert.Contains("marginMinutes: 0", output);
        Assert.Contains("suspend: false", output);
    }

    [Fact]
    public async Task Patch_of_the_status_subresource_changes_status_but_not_generation()
    {
        await using var server = await TestApiServer.StartAsync();
        using var kubectl = new Kubectl(server);
        using var client = server.Client();
        await ApplySampleAsync(kubectl);

        var (exit, output, error) = await kubectl.RunAsync(
            "patch", "krecon", "nightly-2026-11-25", "--subresource", "status", "--type", "merge",
            "-p", """{"status":{"phase":"Querying"},"spec":{"suspend":true}}""");

        Assert.True(exit == 0, output + error);
        var stored = await GetAsync(client);
        Assert.Equal(ReconciliationPhase.Querying, stored.Status!.Phase);
        Assert.False(stored.Spec.Suspend);
        Assert.Equal(1, stored.Metadata.Generation);
    }

    [Fact]
    public async Task Delete_waits_until_the_object_is_gone()
    {
        await using var server = await TestApiServer.StartAsync();
        using var kubectl = new Kubectl(server);
        using var client = server.Client();
        await ApplySampleAsync(kubectl);

        var (exit, output, error) = await kubectl.RunAsync("delete", "krecon", "nightly-2026-11-25", "--timeout", "20s");

        Assert.True(exit == 0, output + error);
        Assert.Contains("deleted", output);
        var list = await client.CustomObjects.ListNamespacedCustomObjectAsync<KafkaReconciliationList>(G.Group, G.Version, Ns, G.Plural);
        Assert.Empty(list.Items);
    }

    [Fact]
    public async Task Delete_of_an_object_with_a_finalizer_completes_when_the_finalizer_is_removed()
    {
        await using var server = await TestApiServer.StartAsync();
        using var kubectl = new Kubectl(server);
        using var client = server.Client();
        await ApplySampleAsync(kubectl);
        await client.CustomObjects.PatchNamespacedCustomObjectAsync<G>(new V1Patch($$$"""{"metadata":{"finalizers":["{{{WellKnown.Finalizer}}}"]}}""", V1Patch.PatchType.MergePatch),
            G.Group, G.Version, Ns, G.Plural, "nightly-2026-11-25");

        var deleting = kubectl.RunAsync("delete", "krecon", "nightly-2026-11-25", "--timeout", "30s");
        await Poll.UntilAsync(async () => (await GetAsync(client)).Metadata.DeletionTimestamp is not null, "the object is marked for deletion");
        Assert.False(deleting.IsCompleted);
        await client.CustomObjects.PatchNamespacedCustomObjectAsync<G>(new V1Patch("""{"metadata":{"finalizers":[]}}""", V1Patch.PatchType.MergePatch),
            G.Group, G.Version, Ns, G.Plural, "nightly-2026-11-25");

        var (exit, output, error) = await deleting;
        Assert.True(exit == 0, output + error);
        var list = await client.CustomObjects.ListNamespacedCustomObjectAsync<KafkaReconciliationList>(G.Group, G.Version, Ns, G.Plural);
        Assert.Empty(list.Items);
    }

    [Fact]
    public async Task Get_watch_shows_a_phase_change_made_through_the_client()
    {
        await using var server = await TestApiServer.StartAsync();
        using var kubectl = new Kubectl(server);
        using var client = server.Client();
        await ApplySampleAsync(kubectl);
        await PatchStatusAsync(client, """{"status":{"phase":"Coalescing"}}""");

        using var watching = kubectl.Start("get", "krecon", "-w");
        await Poll.UntilAsync(() => watching.Lines.Any(line => line.Contains("Coalescing")), "kubectl printed the current row", TimeSpan.FromSeconds(30));
        await PatchStatusAsync(client, """{"status":{"phase":"Transforming"}}""");

        await Poll.UntilAsync(() => watching.Lines.Any(line => line.StartsWith("nightly-2026-11-25") && line.Contains("Transforming")),
            "kubectl printed the phase change", TimeSpan.FromSeconds(30));
        Assert.StartsWith("NAME", watching.Lines[0]);
    }

    [Fact]
    public async Task Server_side_apply_creates_and_updates_through_the_simplified_apply_patch()
    {
        await using var server = await TestApiServer.StartAsync();
        using var kubectl = new Kubectl(server);
        using var client = server.Client();
        var path = kubectl.WriteFile("sample.yaml", Sample);

        var created = await kubectl.RunAsync("apply", "--server-side", "-f", path);
        var changed = await kubectl.RunAsync("apply", "--server-side", "-f", kubectl.WriteFile("changed.yaml", Sample + "\n  suspend: true\n"));

        Assert.True(created.ExitCode == 0, created.Output + created.Error);
        Assert.True(changed.ExitCode == 0, changed.Output + changed.Error);
        var stored = await GetAsync(client);
        Assert.True(stored.Spec.Suspend);
        Assert.Equal(2, stored.Metadata.Generation);
    }

    [Fact]
    public async Task Server_dry_run_is_refused_rather_than_silently_persisted()
    {
        await using var server = await TestApiServer.StartAsync();
        using var kubectl = new Kubectl(server);

        var (exit, _, error) = await kubectl.RunAsync("apply", "--dry-run=server", "-f", kubectl.WriteFile("sample.yaml", Sample));

        Assert.NotEqual(0, exit);
        Assert.Contains("dryRun is not supported", error);
        Assert.Equal(0, server.Requests.Count("create", G.Plural) - server.Requests.All.Count(r => r.Verb == "create" && r.StatusCode == 400));
    }
}
