using KafkaRecon.Entities;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Composition;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Inputs;
using KafkaRecon.Operator.Metrics;
using KafkaRecon.Operator.Notifications;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Tests.Engines.Embedded;
using KafkaRecon.Tests.Metrics;
using KafkaRecon.Tests.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using static KafkaRecon.Tests.Engines.Embedded.ManifestLine;

namespace KafkaRecon.Tests.Reconciliation;

/// <summary>
/// One window through its night on a fake clock, with the embedded engines on real manifest files, a local Slack
/// receiver and the real metrics: it waits for its inputs, the first check finds exports missing, the exports
/// arrive late, and the recheck recovers them.
/// </summary>
public sealed class WaitThenRecheckTests : IDisposable
{
    private readonly EmbeddedRun _run = new();
    private readonly Prometheus.CollectorRegistry _registry = Prometheus.Metrics.NewCustomRegistry();

    /// <summary>The night's first look, the morning after the window (the fake clock's start).</summary>
    private DateTimeOffset NightStart => EmbeddedRun.Start.AddDays(1).AddHours(7);

    public WaitThenRecheckTests() => _run.Time.SetUtcNow(EmbeddedRun.Start.AddDays(1).AddHours(7));

    [Fact]
    public async Task A_window_waits_for_its_inputs_fails_its_first_check_and_a_recheck_recovers_the_late_exports()
    {
        await using var slack = await SlackReceiver.StartAsync();
        using var http = new HttpClient();
        var marker = Path.Combine(_run.ExportFolder, "_SUCCESS");
        var resource = Resource(marker);
        var driver = Driver(new SlackNotifier(http, new StaticWebhookUrlSource(slack.WebhookUrl), new SlackDeliveryOptions(), _run.Time));
        long S = EmbeddedRun.StartMs + 1_000;
        Write(_run.ImportFolder, "k2hb-1.txt", NightStart.AddMinutes(-10),
            Import("a", S, "db", "c"), Import("b", S, "db", "c"), Import("c", S, "db", "c"));
        Write(_run.ExportFolder, "htme-1.txt", NightStart.AddMinutes(-10), Export("a", S, "db", "c"));

        // 01:00: the export job's marker is missing and a file changed 10 minutes ago.
        var waiting = await driver.ReconcileAsync(resource, CancellationToken.None);

        Assert.Equal(ReconciliationPhase.Waiting, resource.Status!.Phase);
        Assert.Equal(ReconcileOutcome.After(StartDecision.MarkerPollInterval), waiting);
        Assert.Equal(2, resource.Status.Waiting!.WaitingFor.Count);
        Assert.Contains(resource.Status.Waiting.WaitingFor, w => w.StartsWith("quietPeriod", StringComparison.Ordinal));
        Assert.Contains(resource.Status.Waiting.WaitingFor, w => w == $"markers missing: {marker}");
        Assert.Empty(slack.Requests);

        // 01:20: the marker is there and nothing changed for 30 minutes: the run starts and finds b and c missing.
        Write(_run.ExportFolder, "_SUCCESS", NightStart.AddMinutes(15));
        _run.Time.Advance(TimeSpan.FromMinutes(20));
        var firstCheck = await driver.ReconcileAsync(resource, CancellationToken.None);

        Assert.Equal(ReconciliationPhase.Failed, resource.Status.Phase);
        Assert.Equal(ConditionReasons.InputsComplete, Condition(resource, ConditionTypes.InputsReady).Reason);
        Assert.Equal(ReconcileOutcome.After(TimeSpan.FromHours(6)), firstCheck);
        var first = Assert.Single(resource.Status.Checks);
        Assert.Equal(("Failed", 2L), (first.Verdict, first.MissingExports!.Value));
        var failure = Assert.Single(slack.Requests).Body;
        Assert.Contains("missing exports 2", failure["text"]!.GetValue<string>());
        Assert.Equal(2, await Gauge("kafka_recon_last_missing_exports"));
        Assert.Equal(1, await Gauge("kafka_recon_latest_check"));

        // The two exports arrive late; six hours after the first verdict the recheck finds them.
        Write(_run.ExportFolder, "htme-late.txt", NightStart.AddHours(3), Export("b", S, "db", "c"), Export("c", S, "db", "c"));
        _run.Time.Advance(TimeSpan.FromHours(6));
        var recheck = await driver.ReconcileAsync(resource, CancellationToken.None);

        Assert.Equal(ReconciliationPhase.Succeeded, resource.Status.Phase);
        Assert.Equal(ReconcileOutcome.After(TimeSpan.FromHours(18)), recheck);
        var second = resource.Status.Checks[1];
        Assert.Equal((2, "Succeeded", 0L, 2L), (second.Number, second.Verdict, second.MissingExports!.Value, second.Recovered));
        Assert.Equal(("nightly-20240301", "nightly-20240301-c2"), (first.RunId, second.RunId)); // a fresh run folder per check
        Assert.Equal(2, slack.Requests.Count);
        var recovery = slack.Requests.Last().Body.ToJsonString();
        Assert.Contains("recovered: 2 records arrived late", recovery);
        Assert.Contains("Recheck 2 of 3", recovery);
        Assert.Equal(0, await Gauge("kafka_recon_last_missing_exports"));
        Assert.Equal(2, await Gauge("kafka_recon_latest_check"));
        Assert.Equal(6 * 3600, await Gauge("kafka_recon_latest_check_delay_seconds"));
        Assert.Equal(2, await Gauge("kafka_recon_recovered_records_total"));
        var runs = (await Exposition.ScrapeAsync(_registry)).Named("kafka_recon_runs_total");
        Assert.Equal(1, runs.Single(s => s.Has(("result", "failed"))).Value);
        Assert.Equal(1, runs.Single(s => s.Has(("result", "succeeded"))).Value);
    }

    [Fact]
    public async Task A_run_whose_marker_never_comes_starts_at_max_wait_and_the_slack_message_says_so()
    {
        await using var slack = await SlackReceiver.StartAsync();
        using var http = new HttpClient();
        var resource = Resource(Path.Combine(_run.ExportFolder, "_SUCCESS"));
        resource.Spec.Recheck.After.Clear();
        var driver = Driver(new SlackNotifier(http, new StaticWebhookUrlSource(slack.WebhookUrl), new SlackDeliveryOptions(), _run.Time));
        long S = EmbeddedRun.StartMs + 1_000;
        Write(_run.ImportFolder, "k2hb-1.txt", NightStart.AddHours(-2), Import("a", S, "db", "c"));
        Write(_run.ExportFolder, "htme-1.txt", NightStart.AddHours(-2), Export("a", S, "db", "c"));

        Assert.Equal(ReconcileOutcome.After(StartDecision.MarkerPollInterval), await driver.ReconcileAsync(resource, CancellationToken.None));
        _run.Time.Advance(TimeSpan.FromHours(4));
        Assert.Equal(ReconcileOutcome.Done, await driver.ReconcileAsync(resource, CancellationToken.None));

        Assert.Equal(ReconciliationPhase.Succeeded, resource.Status!.Phase);
        Assert.Equal(ConditionReasons.WaitTimedOut, Condition(resource, ConditionTypes.InputsReady).Reason);
        Assert.Contains("Started without complete inputs", Assert.Single(slack.Requests).Body.ToJsonString());
    }

    private KafkaReconciliation Resource(string marker)
    {
        var spec = _run.Spec;
        spec.Coalesce.Enabled = false;
        spec.Start = new StartSpec { QuietPeriod = "30m", Markers = [marker], MaxWait = "4h" };
        spec.Recheck.After = ["6h", "24h"];
        spec.Notifications.Slack = new SlackSpec();
        return new KafkaReconciliation
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "nightly", NamespaceProperty = "recon", Uid = "u1", Generation = 1 },
            Spec = spec,
        };
    }

    private ReconciliationDriver Driver(INotifier notifier) => new(
        new EngineProvider(EngineComposition.EmbeddedEngines(_run.Time, _run.Store), null),
        new StoreSummarySource(_ => _run.Store), notifier, new InMemoryStatusSink(), new NoEvents(),
        new MetricsRunObserver(new KafkaReconMetrics(_registry, _run.Time)), _run.Time,
        NullLogger<ReconciliationDriver>.Instance, inputsProbe: new InputsProbe(_run.Store));

    private async Task<double> Gauge(string name) =>
        Assert.Single((await Exposition.ScrapeAsync(_registry)).Named(name), s => s.Has(("name", "nightly"))).Value;

    private static k8s.Models.V1Condition Condition(KafkaReconciliation resource, string type) =>
        Assert.Single(resource.Status!.Conditions, c => c.Type == type);

    private static void Write(string folder, string name, DateTimeOffset modified, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, string.Concat(lines.Select(line => line + "\n")));
        File.SetLastWriteTimeUtc(path, modified.UtcDateTime);
    }

    public void Dispose() => _run.Dispose();

    private sealed class NoEvents : IEventSink
    {
        public Task EmitAsync(KafkaReconciliation resource, EventSeverity severity, string reason, string message,
            CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
