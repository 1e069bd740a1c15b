using KafkaRecon.Entities;
using KafkaRecon.Operator.Metrics;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace KafkaRecon.Tests.Metrics;

public sealed class CheckMetricsTests
{
    private static readonly (string, string)[] Daily =
        [("namespace", "recon"), ("name", "daily-2026-11-25"), ("schedule", "daily")];

    private readonly CollectorRegistry _registry = Prometheus.Metrics.NewCustomRegistry();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_recheck_shows_its_number_delay_and_missing_exports_and_counts_what_it_recovered()
    {
        SampleRuns.Rechecked(new KafkaReconMetrics(_registry, _time));

        var samples = await Exposition.ScrapeAsync(_registry);
        Assert.Equal(2, samples.Single("kafka_recon_latest_check", Daily));
        Assert.Equal(24 * 3600, samples.Single("kafka_recon_latest_check_delay_seconds", Daily));
        Assert.Equal(34, samples.Single("kafka_recon_latest_check_missing_exports", Daily));
        Assert.Equal(1200, samples.Single("kafka_recon_recovered_records_total", Daily));
    }

    [Fact]
    public async Task A_rechecked_window_keeps_its_first_verdicts_completion_time_so_it_never_becomes_the_latest_run()
    {
        var metrics = new KafkaReconMetrics(_registry, _time);
        var rechecked = SampleRuns.Finished(ReconciliationPhase.Succeeded, 0);
        rechecked.Status!.CompletionTime = SampleRuns.Completed.AddHours(24);
        rechecked.Status.Checks =
        [
            new CheckRecord { Number = 1, Time = SampleRuns.Completed, Verdict = "Failed", MissingExports = 3 },
            new CheckRecord { Number = 2, Time = SampleRuns.Completed.AddHours(24), Verdict = "Succeeded", MissingExports = 0, Recovered = 3 },
        ];

        metrics.Runs.RecordRunCompleted(rechecked, RunResult.Succeeded);

        var samples = await Exposition.ScrapeAsync(_registry);
        Assert.Equal(SampleRuns.Completed.ToUnixTimeSeconds(), samples.Single("kafka_recon_last_completion_timestamp_seconds", Daily));
    }

    [Fact]
    public async Task Deleting_the_resource_removes_its_check_series()
    {
        var metrics = new KafkaReconMetrics(_registry, _time);
        SampleRuns.Rechecked(metrics);

        metrics.Checks.ResourceDeleted("recon", "daily-2026-11-25");

        var samples = await Exposition.ScrapeAsync(_registry);
        Assert.DoesNotContain(samples, s => s.Name.StartsWith("kafka_recon_latest_check", StringComparison.Ordinal) ||
                                             s.Name == "kafka_recon_recovered_records_total");
    }
}
