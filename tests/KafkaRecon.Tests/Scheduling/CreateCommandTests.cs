using System.CommandLine;
using System.Text.Json.Nodes;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Cli;
using Microsoft.Extensions.Time.Testing;

namespace KafkaRecon.Tests.Scheduling;

public sealed class CreateCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Nov = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 3, 30, 0, TimeSpan.Zero));
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("kafka-recon-create-");
    private ScriptedApiServer server = null!;
    private string templatePath = "";

    public async Task InitializeAsync()
    {
        server = await ScriptedApiServer.StartAsync();
        templatePath = Path.Combine(folder.FullName, "template.yaml");
        await File.WriteAllTextAsync(templatePath, ResourceTemplateTests.Template);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        folder.Delete(recursive: true);
    }

    private Task<(int Exit, string Output, string Error)> Run(params string[] extra) => RunAgainst(server.Url, "recon", extra);

    private async Task<(int Exit, string Output, string Error)> RunAgainst(string url, string @namespace, params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { CreateCommand.Create(time) };
        string[] args = ["create", "--server", url, "--namespace", @namespace, .. extra];
        if (!extra.Contains("--template-configmap"))
        {
            args = [.. args, "--template", templatePath];
        }
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private JsonObject Stored(string name) => server.Resources[$"recon/{name}"];

    [Fact]
    public async Task Creates_yesterdays_resource_with_the_schedule_label_and_window()
    {
        var (exit, output, error) = await Run();

        Assert.True(exit == 0, error);
        Assert.Contains("Created kafkareconciliation recon/nightly-20261125", output);
        var created = Stored("nightly-20261125");
        Assert.Equal("nightly", (string?)created["metadata"]!["labels"]![WellKnown.ScheduleLabel]);
        Assert.Equal("2026-11-25T00:00:00Z", (string?)created["spec"]!["window"]!["start"]);
        Assert.Equal("2026-11-26T00:00:00Z", (string?)created["spec"]!["window"]!["end"]);
        Assert.Equal("embedded", (string?)created["spec"]!["engine"]);
        Assert.Contains(server.Requests, r => r.StartsWith(
            "GET /apis/kafkarecon.io/v1alpha1/namespaces/recon/kafkareconciliations?labelSelector=kafkarecon.io%2Fschedule%3Dnightly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Running_twice_for_one_window_creates_one_resource_and_the_second_run_succeeds()
    {
        await Run();
        var (exit, output, _) = await Run();

        Assert.Equal(0, exit);
        Assert.Contains("already exists", output);
        Assert.Single(server.Resources);
        Assert.Single(server.Mutations);
    }

    [Fact]
    public async Task Conflict_from_a_concurrent_create_is_success()
    {
        // Same name but not labelled, so the list does not show it and only the create's 409 reveals it.
        server.Seed("recon", "nightly-20261125", null, Nov.AddDays(24), schedule: null);

        var (exit, output, error) = await Run();

        Assert.True(exit == 0, error);
        Assert.Contains("already exists (created concurrently)", output);
        Assert.Contains(server.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forbid_does_not_create_while_an_earlier_resource_is_unfinished()
    {
        server.Seed("recon", "nightly-20261124", ReconciliationPhase.Transforming, Nov.AddDays(23));

        var (exit, output, _) = await Run("--concurrency-policy", "Forbid");

        Assert.Equal(0, exit);
        Assert.Contains("nightly-20261124 (Transforming)", output);
        Assert.False(server.Resources.ContainsKey("recon/nightly-20261125"));
        Assert.Empty(server.Mutations);
    }

    [Fact]
    public async Task Allow_creates_while_an_earlier_resource_is_unfinished()
    {
        server.Seed("recon", "nightly-20261124", ReconciliationPhase.Transforming, Nov.AddDays(23));

        var (exit, _, _) = await Run("--concurrency-policy", "Allow");

        Assert.Equal(0, exit);
        Assert.True(server.Resources.ContainsKey("recon/nightly-20261125"));
    }

    [Fact]
    public async Task Deletes_finished_resources_beyond_the_history_limits()
    {
        for (var day = 18; day <= 22; day++)
        {
            server.Seed("recon", $"nightly-202611{day}", ReconciliationPhase.Succeeded, Nov.AddDays(day - 1));
        }
        server.Seed("recon", "nightly-20261123", ReconciliationPhase.Failed, Nov.AddDays(22));
        server.Seed("recon", "nightly-20261124", ReconciliationPhase.Failed, Nov.AddDays(23));
        server.Seed("recon", "other-20261101", ReconciliationPhase.Succeeded, Nov, schedule: "other");

        var (exit, output, error) = await Run("--successful-history", "2", "--failed-history", "1");

        Assert.True(exit == 0, error);
        Assert.Equal(
            ["recon/nightly-20261121", "recon/nightly-20261122", "recon/nightly-20261124", "recon/nightly-20261125", "recon/other-20261101"],
            server.Resources.Keys.Order());
        Assert.Contains("Deleted kafkareconciliation recon/nightly-20261118 (Succeeded", output);
    }

    [Fact]
    public async Task Dry_run_prints_the_resource_and_the_deletions_and_changes_nothing()
    {
        server.Seed("recon", "nightly-20261101", ReconciliationPhase.Failed, Nov);
        server.Seed("recon", "nightly-20261102", ReconciliationPhase.Failed, Nov.AddDays(1));

        var (exit, output, error) = await Run("--dry-run");

        Assert.True(exit == 0, error);
        Assert.Contains("Dry run: nothing is changed.", output);
        Assert.Contains("Would create kafkareconciliation recon/nightly-20261125", output);
        Assert.Contains("kind: KafkaReconciliation", output);
        Assert.Contains("name: nightly-20261125", output);
        Assert.Contains("kafkarecon.io/schedule: nightly", output);
        Assert.Contains("Would delete kafkareconciliation recon/nightly-20261101 (Failed", output);
        Assert.Empty(server.Mutations);
        Assert.Equal(2, server.Resources.Count);
    }

    [Fact]
    public async Task Reads_the_template_from_a_ConfigMap_in_the_target_namespace()
    {
        server.ConfigMaps["recon/nightly-template"] = new() { ["template.yaml"] = ResourceTemplateTests.Template };

        var (exit, _, error) = await Run("--template-configmap", "nightly-template", "--date", "2026-10-03");

        Assert.True(exit == 0, error);
        Assert.Equal("2026-10-03T00:00:00Z", (string?)Stored("nightly-20261003")["spec"]!["window"]!["start"]);
    }

    [Fact]
    public async Task ConfigMap_without_the_key_fails_and_lists_the_keys_it_has()
    {
        server.ConfigMaps["recon/nightly-template"] = new() { ["recon.yaml"] = ResourceTemplateTests.Template };

        var (exit, _, error) = await Run("--template-configmap", "nightly-template");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("has no key 'template.yaml' (keys: recon.yaml)", error);
        Assert.Contains("--template-key", error);
    }

    [Fact]
    public async Task Missing_ConfigMap_fails_with_its_name()
    {
        var (exit, _, error) = await Run("--template-configmap", "absent");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("ConfigMap recon/absent", error);
    }

    [Theory]
    [InlineData("--prefix", "Nightly", "DNS-1123")]
    [InlineData("--date", "25/11/2026", "yyyy-MM-dd")]
    [InlineData("--start", "2026-11-25 00:00", "RFC 3339")]
    public async Task Invalid_flags_fail_before_any_call_to_the_cluster(string flag, string value, string expected)
    {
        var (exit, _, error) = await Run(flag, value);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains(expected, error);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Template_and_ConfigMap_together_are_rejected()
    {
        var (exit, _, error) = await Run("--template-configmap", "x", "--template", templatePath);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("either --template or --template-configmap", error);
    }

    [Fact]
    public async Task Forbidden_by_RBAC_fails_and_names_the_permissions_needed()
    {
        var (exit, _, error) = await RunAgainst(server.Url, ScriptedApiServer.ForbiddenNamespace);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("HTTP 403", error);
        Assert.Contains("get/list/create/delete on kafkareconciliations.kafkarecon.io", error);
    }

    [Fact]
    public async Task Unreachable_API_server_fails_with_exit_code_1()
    {
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var (exit, _, error) = await RunAgainst($"http://127.0.0.1:{port}", "recon");

        Assert.Equal(ExitCodes.Error, exit);
        Assert.StartsWith("error: ", error);
    }
}
