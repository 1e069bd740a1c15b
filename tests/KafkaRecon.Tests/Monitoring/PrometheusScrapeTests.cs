using System.Net;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Metrics;
using KafkaRecon.Tests.Metrics;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Monitoring;

/// <summary>The real thing end to end: Prometheus scrapes the metrics endpoint and answers queries with our numbers.</summary>
[Trait("Category", "Slow")]
public sealed class PrometheusScrapeTests
{
    private static readonly TimeSpan PrometheusInterval = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Prometheus_scrapes_the_exact_missing_exports_of_a_finished_run()
    {
        var binary = ExternalTool.Require("prometheus", ExternalTool.PrometheusHint);
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new KafkaReconMetrics(registry, TimeProvider.System);
        metrics.Runs.RecordRunCompleted(SampleRuns.Resource(), RunResult.Failed, SampleRuns.Summary());

        await using var endpoint = await MetricsEndpoint.StartAsync(registry, IPAddress.Loopback, 0, CancellationToken.None);
        await using var prometheus = PrometheusServer.Start(binary, endpoint.MetricsUri);

        var missing = await ValueOfAsync(prometheus,
            """kafka_recon_last_missing_exports{job="kafka-recon",namespace="recon",name="daily-2026-11-25",schedule="daily"}""");
        var contract = await ValueOfAsync(prometheus,
            """kafka_recon_collection_missing_exports{namespace="recon",name="daily-2026-11-25",database="core",collection="contract"}""");
        var failedRuns = await ValueOfAsync(prometheus,
            """kafka_recon_runs_total{namespace="recon",schedule="daily",result="failed"}""");

        Assert.Equal("1234", missing);
        Assert.Equal("1000", contract);
        Assert.Equal("1", failedRuns);
    }

    [Fact]
    public async Task Real_metrics_fire_the_records_missing_alert_for_the_failed_run_only()
    {
        var binary = ExternalTool.Require("prometheus", ExternalTool.PrometheusHint);
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new KafkaReconMetrics(registry, TimeProvider.System);
        metrics.Runs.RecordRunCompleted(SampleRuns.Resource(), RunResult.Failed, SampleRuns.Summary());
        metrics.Runs.RecordRunCompleted(
            SampleRuns.Finished(ReconciliationPhase.Succeeded, 0, top: [], name: "hourly-1", schedule: "hourly"),
            RunResult.Succeeded);

        await using var endpoint = await MetricsEndpoint.StartAsync(registry, IPAddress.Loopback, 0, CancellationToken.None);
        await using var prometheus = PrometheusServer.Start(
            binary, endpoint.MetricsUri, RepositoryFiles.PathOf("deploy/monitoring/alerts.yaml"));

        // The recording rule covers both resources once the rules have seen both scrapes.
        await Poll.ForAsync(
            async () => await prometheus.QueryAsync("kafka_recon:latest_completion_timestamp_seconds") is { Count: 2 } r ? r : null,
            () => $"the recording rule covers both resources; log:\n{Tail(prometheus.Log)}",
            TimeSpan.FromSeconds(90), PrometheusInterval);
        var firing = await Poll.ForAsync(
            async () => await prometheus.QueryAsync("""ALERTS{alertname="KafkaReconRecordsMissing",alertstate="firing"}""") is { Count: > 0 } r ? r : null,
            () => $"KafkaReconRecordsMissing fires; log:\n{Tail(prometheus.Log)}",
            TimeSpan.FromSeconds(30), PrometheusInterval);

        var alert = Assert.Single(firing);
        Assert.Equal("daily-2026-11-25", (string?)alert!["metric"]!["name"]);
        Assert.Equal("critical", (string?)alert["metric"]!["severity"]);
    }

    private static async Task<string> ValueOfAsync(PrometheusServer prometheus, string query)
    {
        var result = await Poll.ForAsync(
            async () => await prometheus.QueryAsync(query) is { Count: > 0 } r ? r : null,
            () => $"query {query} returns something; prometheus exited={prometheus.HasExited}; log:\n{Tail(prometheus.Log)}",
            TimeSpan.FromSeconds(90), PrometheusInterval);
        Assert.Single(result);
        return ((string?)result[0]!["value"]![1]) ?? "";
    }

    private static string Tail(string log) =>
        string.Join('\n', log.Split('\n').TakeLast(30));
}
