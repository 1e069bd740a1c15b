using System.Net;
using KafkaRecon.Operator.Metrics;
using KafkaRecon.Tests.Metrics;

namespace KafkaRecon.Tests.Monitoring;

/// <summary>The real thing end to end: Prometheus scrapes the metrics endpoint and answers queries with our numbers.</summary>
public sealed class PrometheusScrapeTests
{
    [Fact]
    public async Task Prometheus_scrapes_the_exact_missing_exports_of_a_finished_run()
    {
        var binary = ExternalTool.Require("prometheus", ExternalTool.PrometheusHint);
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new KafkaReconMetrics(registry, TimeProvider.System);
        metrics.RecordRunCompleted(SampleRuns.Resource(), RunResult.Failed, SampleRuns.Summary());

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

    private static async Task<string> ValueOfAsync(PrometheusServer prometheus, string query)
    {
        var result = await Eventually.ReturnsAsync(
            async () => await prometheus.QueryAsync(query) is { Count: > 0 } r ? r : null,
            TimeSpan.FromSeconds(90),
            () => $"query {query} returned nothing; prometheus exited={prometheus.HasExited}; log:\n{Tail(prometheus.Log)}");
        Assert.Single(result);
        return ((string?)result[0]!["value"]![1]) ?? "";
    }

    private static string Tail(string log) =>
        string.Join('\n', log.Split('\n').TakeLast(30));
}
