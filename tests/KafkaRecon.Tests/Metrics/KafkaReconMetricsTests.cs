using KafkaRecon.Entities;
using KafkaRecon.Operator.Metrics;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace KafkaRecon.Tests.Metrics;

public sealed class KafkaReconMetricsTests
{
    private readonly CollectorRegistry _registry = Prometheus.Metrics.NewCustomRegistry();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));

    private KafkaReconMetrics Create(int top = KafkaReconMetrics.DefaultTopCollections) => new(_registry, _time, top);

    private static readonly (string, string)[] Daily =
        [("namespace", "recon"), ("name", "daily-2026-11-25"), ("schedule", "daily")];

    [Fact]
    public async Task Finished_run_sets_every_per_resource_gauge_with_namespace_name_and_schedule()
    {
        var metrics = Create();
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Failed), RunResult.Failed);

        var samples = await Exposition.ScrapeAsync(_registry);
        Assert.Equal(1_000_000, samples.Single("kafka_recon_last_imported_records", Daily));
        Assert.Equal(998_766, samples.Single("kafka_recon_last_exported_records", Daily));
        Assert.Equal(1234, samples.Single("kafka_recon_last_missing_exports", Daily));
        Assert.Equal(17, samples.Single("kafka_recon_last_missing_imports", Daily));
        Assert.Equal(9, samples.Single("kafka_recon_last_mismatched_timestamps", Daily));
        Assert.Equal(2, samples.Single("kafka_recon_last_missing_collections", Daily));
        Assert.Equal(1, samples.Single("kafka_recon_last_missing_databases", Daily));
        Assert.Equal(SampleRuns.Completed.ToUnixTimeSeconds(),
            samples.Single("kafka_recon_last_completion_timestamp_seconds", Daily));
    }

    [Fact]
    public async Task Resource_without_schedule_label_gets_an_empty_schedule()
    {
        var metrics = Create();
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Succeeded, 0, schedule: null), RunResult.Succeeded);

        var samples = await Exposition.ScrapeAsync(_registry);
        Assert.Equal(0, samples.Single("kafka_recon_last_missing_exports", ("name", "daily-2026-11-25"), ("schedule", "")));
    }

    [Fact]
    public async Task Aws_cost_items_of_the_last_run_are_shown_and_an_item_the_next_run_did_not_use_disappears()
    {
        var metrics = Create();
        var aws = SampleRuns.Finished(ReconciliationPhase.Succeeded, 0, name: "aws-run");
        aws.Status!.Cost = new RunCost { AthenaBytesScanned = 5_000, GlueDpuSeconds = 1_230, BatchVcpuSeconds = 60 };
        metrics.Runs.RecordRunCompleted(aws, RunResult.Succeeded);
        var first = await Exposition.ScrapeAsync(_registry);

        aws.Status.Cost = new RunCost { GlueDpuSeconds = 100 };
        metrics.Runs.RecordRunCompleted(aws, RunResult.Succeeded);
        var second = await Exposition.ScrapeAsync(_registry);

        Assert.Equal(5_000, first.Single("kafka_recon_last_athena_bytes_scanned", ("name", "aws-run")));
        Assert.Equal(1_230, first.Single("kafka_recon_last_glue_dpu_seconds", ("name", "aws-run")));
        Assert.Equal(60, first.Single("kafka_recon_last_batch_vcpu_seconds", ("name", "aws-run")));
        Assert.Equal(100, second.Single("kafka_recon_last_glue_dpu_seconds", ("name", "aws-run")));
        Assert.False(second.Exists("kafka_recon_last_athena_bytes_scanned", ("name", "aws-run")));
        Assert.False(second.Exists("kafka_recon_last_batch_vcpu_seconds", ("name", "aws-run")));
    }

    [Fact]
    public async Task Success_timestamp_is_set_by_a_successful_run_and_not_by_a_failed_one()
    {
        var metrics = Create();
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Failed, name: "failed-run"), RunResult.Failed);
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Succeeded, 0, name: "good-run"), RunResult.Succeeded);

        var samples = await Exposition.ScrapeAsync(_registry);
        Assert.False(samples.Exists("kafka_recon_last_success_timestamp_seconds", ("name", "failed-run")));
        Assert.Equal(SampleRuns.Completed.ToUnixTimeSeconds(),
            samples.Single("kafka_recon_last_success_timestamp_seconds", ("name", "good-run")));
    }

    [Fact]
    public async Task Completion_time_falls_back_to_the_clock_when_status_has_none()
    {
        var metrics = Create();
        var resource = SampleRuns.Finished(ReconciliationPhase.Succeeded, 0);
        resource.Status!.CompletionTime = null;
        metrics.Runs.RecordRunCompleted(resource, RunResult.Succeeded);

        var samples = await Exposition.ScrapeAsync(_registry);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds(), samples.Single("kafka_recon_last_completion_timestamp_seconds", Daily));
    }

    [Fact]
    public async Task Runs_are_counted_by_result_and_every_result_starts_at_zero()
    {
        var metrics = Create();
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Failed), RunResult.Failed);
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Failed), RunResult.Failed);

        var samples = await Exposition.ScrapeAsync(_registry);
        (string, string)[] labels = [("namespace", "recon"), ("schedule", "daily")];
        Assert.Equal(2, samples.Single("kafka_recon_runs_total", [.. labels, ("result", "failed")]));
        Assert.Equal(0, samples.Single("kafka_recon_runs_total", [.. labels, ("result", "succeeded")]));
        Assert.Equal(0, samples.Single("kafka_recon_runs_total", [.. labels, ("result", "cancelled")]));
    }

    [Fact]
    public async Task A_phase_start_publishes_the_run_counters_at_zero_before_any_run_finishes()
    {
        var metrics = Create();
        metrics.Runs.PhaseStarted(SampleRuns.Resource(), "coalesce", SampleRuns.Started, TimeSpan.FromHours(2));

        var samples = await Exposition.ScrapeAsync(_registry);
        Assert.Equal(0, samples.Single("kafka_recon_runs_total", ("schedule", "daily"), ("result", "failed")));
    }

    [Fact]
    public async Task Only_the_top_n_collections_by_missing_exports_get_a_series()
    {
        var metrics = Create(top: 2);
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Failed), RunResult.Failed);

        var series = (await Exposition.ScrapeAsync(_registry)).Named("kafka_recon_collection_missing_exports");
        Assert.Equal(
            ["core.claimant=200", "core.contract=1000"],
            series.Select(s => $"{s.Labels["database"]}.{s.Labels["collection"]}={s.Value}").Order().ToArray());
    }

    [Fact]
    public async Task Collections_that_drop_out_of_the_top_n_lose_their_series()
    {
        var metrics = Create(top: 2);
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Failed), RunResult.Failed);
        CollectionResult[] after =
        [
            new() { Database = "core", Collection = "contract", MissingExports = 5 },
            new() { Database = "accepted-data", Collection = "address", MissingExports = 7 },
            new() { Database = "core", Collection = "claimant", MissingExports = 0 },
        ];
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Failed, 12, after), RunResult.Failed);

        var series = (await Exposition.ScrapeAsync(_registry)).Named("kafka_recon_collection_missing_exports");
        Assert.Equal(
            ["accepted-data.address=7", "core.contract=5"],
            series.Select(s => $"{s.Labels["database"]}.{s.Labels["collection"]}={s.Value}").Order().ToArray());
    }

    [Fact]
    public async Task Missing_imports_by_collection_are_shown_for_collections_with_missing_imports_only()
    {
        var metrics = Create();
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Failed), RunResult.Failed);

        var series = (await Exposition.ScrapeAsync(_registry)).Named("kafka_recon_collection_missing_imports");
        Assert.Equal(
            ["accepted-data.address=14", "core.contract=3"],
            series.Select(s => $"{s.Labels["database"]}.{s.Labels["collection"]}={s.Value}").Order().ToArray());
    }

    [Fact]
    public async Task Deleting_a_resource_removes_all_of_its_series_and_keeps_the_others()
    {
        var metrics = Create();
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Failed), RunResult.Failed);
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Succeeded, 0, name: "other"), RunResult.Succeeded);
        metrics.Runs.PhaseStarted(SampleRuns.Resource(), "transform", SampleRuns.Started, TimeSpan.FromHours(3));

        metrics.Runs.ResourceDeleted("recon", "daily-2026-11-25");

        var samples = await Exposition.ScrapeAsync(_registry);
        Assert.DoesNotContain(samples, s => s.Labels.TryGetValue("name", out var n) && n == "daily-2026-11-25");
        Assert.True(samples.Exists("kafka_recon_last_missing_exports", ("name", "other")));
    }

    [Fact]
    public async Task Forgetting_all_resources_removes_every_per_resource_series()
    {
        var metrics = Create();
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Failed), RunResult.Failed);
        metrics.Runs.ForgetAllResources();

        var samples = await Exposition.ScrapeAsync(_registry);
        Assert.DoesNotContain(samples, s => s.Labels.ContainsKey("name") && s.Name.StartsWith("kafka_recon_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Phase_start_and_timeout_series_exist_only_while_the_phase_runs()
    {
        var metrics = Create();
        var resource = SampleRuns.Resource();
        metrics.Runs.PhaseStarted(resource, "transform", SampleRuns.Started, TimeSpan.FromHours(3));

        var running = await Exposition.ScrapeAsync(_registry);
        (string, string)[] labels = [("namespace", "recon"), ("name", "daily-2026-11-25"), ("phase", "transform")];
        Assert.Equal(SampleRuns.Started.ToUnixTimeSeconds(), running.Single("kafka_recon_phase_start_timestamp_seconds", labels));
        Assert.Equal(10800, running.Single("kafka_recon_phase_timeout_seconds", labels));

        metrics.Runs.PhaseCompleted(resource, "transform", EngineKind.Embedded, TimeSpan.FromMinutes(42));

        var done = await Exposition.ScrapeAsync(_registry);
        Assert.False(done.Exists("kafka_recon_phase_start_timestamp_seconds", labels));
        Assert.False(done.Exists("kafka_recon_phase_timeout_seconds", labels));
    }

    [Fact]
    public async Task A_finished_run_clears_phases_left_running()
    {
        var metrics = Create();
        metrics.Runs.PhaseStarted(SampleRuns.Resource(), "query", SampleRuns.Started, TimeSpan.FromHours(1));
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Cancelled), RunResult.Cancelled);

        var samples = await Exposition.ScrapeAsync(_registry);
        Assert.False(samples.Exists("kafka_recon_phase_start_timestamp_seconds", ("phase", "query")));
        Assert.Equal(1, samples.Single("kafka_recon_runs_total", ("result", "cancelled")));
    }

    [Fact]
    public async Task Phase_duration_is_observed_by_phase_and_engine()
    {
        var metrics = Create();
        metrics.Runs.PhaseCompleted(SampleRuns.Resource(), "query", EngineKind.Aws, TimeSpan.FromSeconds(90));

        var samples = await Exposition.ScrapeAsync(_registry);
        Assert.Equal(1, samples.Single("kafka_recon_phase_duration_seconds_count", ("phase", "query"), ("engine", "aws")));
        Assert.Equal(90, samples.Single("kafka_recon_phase_duration_seconds_sum", ("phase", "query"), ("engine", "aws")));
        Assert.Equal(1, samples.Single("kafka_recon_phase_duration_seconds_bucket", ("phase", "query"), ("engine", "aws"), ("le", "120")));
        Assert.Equal(0, samples.Single("kafka_recon_phase_duration_seconds_bucket", ("phase", "query"), ("engine", "aws"), ("le", "60")));
    }

    [Fact]
    public async Task Observing_a_finished_resource_restores_its_gauges_without_counting_a_run()
    {
        var metrics = Create();
        metrics.Runs.ObserveFinishedResource(SampleRuns.Finished(ReconciliationPhase.Succeeded, 0));

        var samples = await Exposition.ScrapeAsync(_registry);
        Assert.Equal(SampleRuns.Completed.ToUnixTimeSeconds(), samples.Single("kafka_recon_last_success_timestamp_seconds", Daily));
        Assert.Equal(0, samples.Single("kafka_recon_runs_total", ("result", "succeeded")));
    }

    [Fact]
    public async Task Observing_an_unfinished_resource_shows_nothing()
    {
        var metrics = Create();
        var resource = SampleRuns.Finished(ReconciliationPhase.Transforming);
        metrics.Runs.ObserveFinishedResource(resource);

        var samples = await Exposition.ScrapeAsync(_registry);
        Assert.False(samples.Exists("kafka_recon_last_missing_exports"));
    }

    [Fact]
    public async Task A_changed_schedule_label_replaces_the_old_series()
    {
        var metrics = Create();
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Failed), RunResult.Failed);
        metrics.Runs.RecordRunCompleted(SampleRuns.Finished(ReconciliationPhase.Failed, schedule: "nightly"), RunResult.Failed);

        var series = (await Exposition.ScrapeAsync(_registry)).Named("kafka_recon_last_missing_exports");
        Assert.Equal(["nightly"], series.Select(s => s.Labels["schedule"]).ToArray());
    }

    [Fact]
    public async Task A_report_summary_feeds_the_same_gauges_as_status()
    {
        var metrics = Create();
        metrics.Runs.RecordRunCompleted(SampleRuns.Resource(), RunResult.Failed, SampleRuns.Summary());

        var samples = await Exposition.ScrapeAsync(_registry);
        Assert.Equal(1234, samples.Single("kafka_recon_last_missing_exports", Daily));
        Assert.Equal(1000, samples.Single("kafka_recon_collection_missing_exports", ("collection", "contract")));
    }

    [Fact]
    public async Task Controller_metrics_use_controller_runtime_names_and_labels()
    {
        var metrics = Create();
        metrics.Controller.ReconcileCompleted("kafkareconciliation", ReconcileResult.Success, TimeSpan.FromMilliseconds(20));
        metrics.Controller.ReconcileCompleted("kafkareconciliation", ReconcileResult.Error, TimeSpan.FromMilliseconds(30));
        metrics.Controller.ReconcileCompleted("kafkareconciliation", ReconcileResult.RequeueAfter, TimeSpan.FromMilliseconds(5));
        metrics.Controller.WorkQueueAdded("kafkareconciliation");
        metrics.Controller.WorkQueueAdded("kafkareconciliation");
        metrics.Controller.WorkQueueRetried("kafkareconciliation");
        metrics.Controller.WorkQueueDepthChanged("kafkareconciliation", 4);

        var s = await Exposition.ScrapeAsync(_registry);
        (string, string) controller = ("controller", "kafkareconciliation");
        Assert.Equal(1, s.Single("controller_runtime_reconcile_total", controller, ("result", "success")));
        Assert.Equal(1, s.Single("controller_runtime_reconcile_total", controller, ("result", "error")));
        Assert.Equal(1, s.Single("controller_runtime_reconcile_total", controller, ("result", "requeue_after")));
        Assert.Equal(1, s.Single("controller_runtime_reconcile_errors_total", controller));
        Assert.Equal(3, s.Single("controller_runtime_reconcile_time_seconds_count", controller));
        Assert.Equal(2, s.Single("workqueue_adds_total", ("name", "kafkareconciliation")));
        Assert.Equal(1, s.Single("workqueue_retries_total", ("name", "kafkareconciliation")));
        Assert.Equal(4, s.Single("workqueue_depth", ("name", "kafkareconciliation")));
    }

    [Fact]
    public async Task Leader_gauge_is_zero_until_leadership_is_acquired()
    {
        var metrics = Create();
        Assert.Equal(0, (await Exposition.ScrapeAsync(_registry)).Single("kafka_recon_leader"));
        metrics.Controller.LeadershipChanged(true);
        Assert.Equal(1, (await Exposition.ScrapeAsync(_registry)).Single("kafka_recon_leader"));
        metrics.Controller.LeadershipChanged(false);
        Assert.Equal(0, (await Exposition.ScrapeAsync(_registry)).Single("kafka_recon_leader"));
    }

    [Fact]
    public async Task Aws_calls_and_notifications_are_counted_by_their_labels()
    {
        var metrics = Create();
        metrics.Aws.AwsApiCalled("glue", "StartJobRun", "success");
        metrics.Aws.AwsApiCalled("athena", "GetQueryExecution", "throttled");
        metrics.Runs.NotificationCompleted("slack", "failed");

        var s = await Exposition.ScrapeAsync(_registry);
        Assert.Equal(1, s.Single("kafka_recon_aws_api_calls_total", ("service", "glue"), ("operation", "StartJobRun"), ("outcome", "success")));
        Assert.Equal(1, s.Single("kafka_recon_aws_api_calls_total", ("service", "athena"), ("operation", "GetQueryExecution"), ("outcome", "throttled")));
        Assert.Equal(1, s.Single("kafka_recon_notifications_total", ("channel", "slack"), ("result", "failed")));
        Assert.Equal(0, s.Single("kafka_recon_notifications_total", ("channel", "slack"), ("result", "sent")));
    }
}
