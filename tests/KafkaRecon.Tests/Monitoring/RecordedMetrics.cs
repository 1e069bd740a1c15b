using KafkaRecon.Entities;
using KafkaRecon.Operator.Metrics;
using KafkaRecon.Tests.Metrics;
using Prometheus;

namespace KafkaRecon.Tests.Monitoring;

/// <summary>A metrics registry after every kind of event has been recorded once: every metric has a series.</summary>
internal static class RecordedMetrics
{
    public static async Task<IReadOnlySet<string>> ExposedNamesAsync()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new KafkaReconMetrics(registry, TimeProvider.System);
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Succeeded, 0, name: "ok"), RunResult.Succeeded);
        var failed = SampleRuns.Finished(ReconciliationPhase.Failed);
        failed.Status!.Cost = new RunCost { AthenaBytesScanned = 1, GlueDpuSeconds = 2, BatchVcpuSeconds = 3 };
        metrics.Runs.RecordRunCompleted(failed, RunResult.Failed);
        metrics.Runs.PhaseCompleted(SampleRuns.Resource(), "coalesce", EngineKind.Aws, TimeSpan.FromMinutes(3));
        metrics.Runs.PhaseStarted(SampleRuns.Resource(), "transform", SampleRuns.Started, TimeSpan.FromHours(3));
        metrics.Controller.ReconcileCompleted("kafkareconciliation", ReconcileResult.Error, TimeSpan.FromMilliseconds(12));
        metrics.Controller.WorkQueueAdded("kafkareconciliation");
        metrics.Controller.WorkQueueRetried("kafkareconciliation");
        metrics.Controller.WorkQueueDepthChanged("kafkareconciliation", 1);
        metrics.Controller.LeadershipChanged(true);
        metrics.Aws.AwsApiCalled("glue", "StartJobRun", "success");
        metrics.Runs.NotificationCompleted("slack", "sent");
        SampleRuns.Rechecked(metrics);
        return (await Exposition.ScrapeAsync(registry)).Select(s => s.Name).ToHashSet();
    }
}
