using KafkaRecon.Entities;
using KafkaRecon.Operator.Metrics;
using Prometheus;

namespace KafkaRecon.Tests.Metrics;

/// <summary>Dashboards and alert rules depend on these names and labels: splitting the metrics must keep them.</summary>
public sealed class MetricContractTests
{
    private static readonly string[] Resource = ["name", "namespace", "schedule"];

    private static readonly Dictionary<string, string[]> Contract = new()
    {
        ["kafka_recon_last_imported_records"] = Resource,
        ["kafka_recon_last_exported_records"] = Resource,
        ["kafka_recon_last_missing_exports"] = Resource,
        ["kafka_recon_last_missing_imports"] = Resource,
        ["kafka_recon_last_mismatched_timestamps"] = Resource,
        ["kafka_recon_last_missing_collections"] = Resource,
        ["kafka_recon_last_missing_databases"] = Resource,
        ["kafka_recon_last_duplicate_imports"] = Resource,
        ["kafka_recon_last_duplicate_exports"] = Resource,
        ["kafka_recon_last_completion_timestamp_seconds"] = Resource,
        ["kafka_recon_last_success_timestamp_seconds"] = Resource,
        ["kafka_recon_last_athena_bytes_scanned"] = Resource,
        ["kafka_recon_last_glue_dpu_seconds"] = Resource,
        ["kafka_recon_last_batch_vcpu_seconds"] = Resource,
        ["kafka_recon_runs_total"] = ["namespace", "result", "schedule"],
        ["kafka_recon_phase_duration_seconds_count"] = ["engine", "phase"],
        ["kafka_recon_phase_start_timestamp_seconds"] = ["name", "namespace", "phase"],
        ["kafka_recon_phase_timeout_seconds"] = ["name", "namespace", "phase"],
        ["kafka_recon_collection_missing_exports"] = ["collection", "database", "name", "namespace"],
        ["kafka_recon_collection_missing_imports"] = ["collection", "database", "name", "namespace"],
        ["kafka_recon_notifications_total"] = ["channel", "result"],
        ["kafka_recon_latest_check"] = Resource,
        ["kafka_recon_latest_check_delay_seconds"] = Resource,
        ["kafka_recon_latest_check_missing_exports"] = Resource,
        ["kafka_recon_recovered_records_total"] = Resource,
        ["controller_runtime_reconcile_total"] = ["controller", "result"],
        ["controller_runtime_reconcile_errors_total"] = ["controller"],
        ["controller_runtime_reconcile_time_seconds_count"] = ["controller"],
        ["workqueue_depth"] = ["name"],
        ["workqueue_adds_total"] = ["name"],
        ["workqueue_retries_total"] = ["name"],
        ["kafka_recon_leader"] = [],
        ["kafka_recon_aws_api_calls_total"] = ["operation", "outcome", "service"],
    };

    [Fact]
    public async Task Every_metric_keeps_its_name_and_labels()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new KafkaReconMetrics(registry, TimeProvider.System);
        var failed = SampleRuns.Finished(ReconciliationPhase.Failed);
        failed.Status!.Cost = new RunCost { AthenaBytesScanned = 1, GlueDpuSeconds = 2, BatchVcpuSeconds = 3 };
        metrics.Runs.RecordRunCompleted(failed, RunResult.Failed);
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Succeeded, 0, name: "ok"), RunResult.Succeeded);
        metrics.Runs.PhaseCompleted(SampleRuns.Resource(), "coalesce", EngineKind.Aws, TimeSpan.FromMinutes(3));
        metrics.Runs.PhaseStarted(SampleRuns.Resource(), "transform", SampleRuns.Started, TimeSpan.FromHours(3));
        metrics.Runs.NotificationCompleted("slack", "sent");
        SampleRuns.Rechecked(metrics);
        metrics.Controller.ReconcileCompleted("kafkareconciliation", ReconcileResult.Error, TimeSpan.FromMilliseconds(12));
        metrics.Controller.WorkQueueObserved("kafkareconciliation", 1, 2, 1);
        metrics.Controller.LeadershipChanged(true);
        metrics.Aws.AwsApiCalled("glue", "StartJobRun", "success");

        var samples = await Exposition.ScrapeAsync(registry);

        var exposed = samples
            .Where(s => Contract.ContainsKey(s.Name))
            .GroupBy(s => s.Name)
            .ToDictionary(g => g.Key, g => g.SelectMany(s => s.Labels.Keys).Distinct().Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(Contract.Keys.Order(StringComparer.Ordinal), exposed.Keys.Order(StringComparer.Ordinal));
        Assert.All(Contract, expected => Assert.Equal(expected.Value, exposed[expected.Key]));
    }
}
