using KafkaRecon.Entities;
using KafkaRecon.Tests.ApiServer;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.EndToEnd;

[Trait("Category", "Slow")]
public sealed class InvalidResourceTests : IDisposable
{
    private readonly GeneratedDataset _dataset = new(records: 200);

    [Fact]
    public async Task Window_ending_before_it_starts_is_rejected_by_kubectl_apply_with_the_crd_rule_message()
    {
        await using var server = await TestApiServer.StartAsync();
        using var kubectl = new Kubectl(server);
        var yaml = _dataset.ResourceYaml();
        var start = _dataset.Truth.WindowStart.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var invalid = System.Text.RegularExpressions.Regex.Replace(yaml, "end: \"[^\"]+\"", $"end: \"{start}\"");
        Assert.NotEqual(yaml, invalid);

        var (exit, _, error) = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("invalid.yaml", invalid));

        Assert.NotEqual(0, exit);
        Assert.Contains("spec.window.end: Invalid value: \"object\": window.end must be after window.start", error);
    }

    [Fact]
    public async Task Unknown_engine_is_rejected_by_kubectl_apply_naming_the_supported_values()
    {
        await using var server = await TestApiServer.StartAsync();
        using var kubectl = new Kubectl(server);

        var (exit, _, error) = await kubectl.RunAsync("apply", "-f",
            kubectl.WriteFile("invalid.yaml", _dataset.ResourceYaml().Replace("engine: embedded", "engine: spark")));

        Assert.NotEqual(0, exit);
        Assert.Contains("spec.engine: Unsupported value: \"spark\"", error);
        Assert.Contains("\"aws\"", error);
        Assert.Contains("\"embedded\"", error);
    }

    [Fact]
    public async Task Aws_engine_without_a_glue_job_is_accepted_by_the_schema_but_stalled_by_the_controller()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        using var kubectl = new Kubectl(server);
        await using var running = await RunningOperator.StartAsync(server);

        var (exit, output, error) = await kubectl.RunAsync("apply", "-f",
            kubectl.WriteFile("aws.yaml", _dataset.ResourceYaml().Replace("engine: embedded", "engine: aws")));
        Assert.True(exit == 0, output + error);

        var stalled = await client.WaitForAsync("sample",
            r => r.Condition(ConditionTypes.Stalled)?.Status == "True", "is Stalled");
        var condition = stalled.Condition(ConditionTypes.Stalled)!;
        Assert.Equal(ConditionReasons.InvalidSpec, condition.Reason);
        Assert.Contains("spec.transform.glueJobName", condition.Message);
        await Poll.UntilAsync(async () => (await client.EventsAsync("sample"))
                .Any(e => e.Type == "Warning" && e.Reason == ConditionReasons.InvalidSpec && e.Message.Contains("glueJobName")),
            "a Warning event names the missing glueJobName");
    }

    [Fact]
    public async Task Output_location_under_a_file_fails_the_run_as_stalled_with_a_warning()
    {
        await using var server = await TestApiServer.StartAsync();
        using var client = server.Client();
        using var kubectl = new Kubectl(server);
        await using var running = await RunningOperator.StartAsync(server);
        var blockedOutput = Path.Combine(_dataset.Root, "truth.json", "out");
        var yaml = System.Text.RegularExpressions.Regex.Replace(_dataset.ResourceYaml(),
            "(?m)^(\\s+location:).*$", $"$1 {blockedOutput}") + "  retries: {coalesce: 0, transform: 0, query: 0}\n";

        var (exit, output, error) = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("blocked.yaml", yaml));
        Assert.True(exit == 0, output + error);

        var failed = await client.WaitForAsync("sample",
            r => r.Condition(ConditionTypes.Stalled)?.Status == "True", "is Stalled");
        Assert.Equal(ReconciliationPhase.Failed, failed.Status!.Phase);
        await Poll.UntilAsync(async () => (await client.EventsAsync("sample")).Any(e => e.Type == "Warning"),
            "a Warning event says why");
    }

    public void Dispose() => _dataset.Dispose();
}
