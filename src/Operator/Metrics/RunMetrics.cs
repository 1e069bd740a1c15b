using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;
using Prometheus;

namespace KafkaRecon.Operator.Metrics;

/// <summary>
/// The results of runs: each resource's last totals and completion times, finished runs and phases, the running
/// phases (for the stuck-phase alert), the worst collections and notifications. Per-resource and per-collection
/// series are removed when they stop being true, so cardinality stays bounded by the live resources times
/// <see cref="TopCollections"/>.
/// </summary>
internal sealed class RunMetrics
{
    public const int DefaultTopCollections = 10;

    private static readonly string[] ResourceLabels = ["namespace", "name", "schedule"];
    private static readonly string[] CollectionLabels = ["namespace", "name", "database", "collection"];
    private static readonly string[] PhaseLabels = ["namespace", "name", "phase"];

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TrackedResource> _resources = new(StringComparer.Ordinal);
    private readonly HashSet<(string Namespace, string Schedule)> _initialisedRunCounters = [];

    private readonly Gauge _imported;
    private readonly Gauge _exported;
    private readonly Gauge _missingExports;
    private readonly Gauge _missingImports;
    private readonly Gauge _mismatchedTimestamps;
    private readonly Gauge _missingCollections;
    private readonly Gauge _missingDatabases;
    private readonly Gauge _duplicateImports;
    private readonly Gauge _duplicateExports;
    private readonly Gauge _completion;
    private readonly Gauge _success;
    private readonly Gauge _athenaBytesScanned;
    private readonly Gauge _glueDpuSeconds;
    private readonly Gauge _batchVcpuSeconds;
    private readonly Counter _runs;
    private readonly Histogram _phaseDuration;
    private readonly Gauge _phaseStart;
    private readonly Gauge _phaseTimeout;
    private readonly Gauge _collectionMissingExports;
    private readonly Gauge _collectionMissingImports;
    private readonly Counter _notifications;
    private readonly Gauge _queuedRuns;
    private readonly Gauge _runningRuns;
    private readonly Gauge _runSlots;

    public RunMetrics(IMetricFactory factory, TimeProvider time, int topCollections = DefaultTopCollections)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topCollections, 0);
        _time = time;
        TopCollections = topCollections;

        _imported = ResourceGauge(factory, "kafka_recon_last_imported_records", "Records imported in the window of the last finished run.");
        _exported = ResourceGauge(factory, "kafka_recon_last_exported_records", "Records exported in the window of the last finished run.");
        _missingExports = ResourceGauge(factory, "kafka_recon_last_missing_exports", "Imported records missing from the export in the last finished run.");
        _missingImports = ResourceGauge(factory, "kafka_recon_last_missing_imports", "Exported records missing from the import in the last finished run.");
        _mismatchedTimestamps = ResourceGauge(factory, "kafka_recon_last_mismatched_timestamps", "Records whose import and export timestamps differ in the last finished run.");
        _missingCollections = ResourceGauge(factory, "kafka_recon_last_missing_collections", "Collections with imports but no exports in the last finished run.");
        _missingDatabases = ResourceGauge(factory, "kafka_recon_last_missing_databases", "Databases with imports but no exports in the last finished run.");
        _duplicateImports = ResourceGauge(factory, "kafka_recon_last_duplicate_imports", "Imported ids seen on more than one line in the window of the last finished run.");
        _duplicateExports = ResourceGauge(factory, "kafka_recon_last_duplicate_exports", "Exported ids seen on more than one line in the window of the last finished run.");
        _completion = ResourceGauge(factory, "kafka_recon_last_completion_timestamp_seconds", "Unix time the last run finished, whatever its result.");
        _success = ResourceGauge(factory, "kafka_recon_last_success_timestamp_seconds", "Unix time the last successful run finished.");
        _athenaBytesScanned = ResourceGauge(factory, "kafka_recon_last_athena_bytes_scanned", "Bytes the last finished run's Athena queries scanned.");
        _glueDpuSeconds = ResourceGauge(factory, "kafka_recon_last_glue_dpu_seconds", "DPU-seconds of the last finished run's Glue transform.");
        _batchVcpuSeconds = ResourceGauge(factory, "kafka_recon_last_batch_vcpu_seconds", "vCPU-seconds of the last finished run's Batch coalesce jobs.");

        _runs = factory.CreateCounter("kafka_recon_runs_total", "Finished runs by result.",
            new CounterConfiguration { LabelNames = ["namespace", "schedule", "result"] });
        _phaseDuration = factory.CreateHistogram("kafka_recon_phase_duration_seconds", "Wall time of finished phases.",
            new HistogramConfiguration
            {
                LabelNames = ["phase", "engine"],
                Buckets = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 10800, 21600],
            });
        _phaseStart = factory.CreateGauge("kafka_recon_phase_start_timestamp_seconds",
            "Unix time the running phase started; present only while the phase runs.",
            new GaugeConfiguration { LabelNames = PhaseLabels });
        _phaseTimeout = factory.CreateGauge("kafka_recon_phase_timeout_seconds",
            "Configured timeout of the running phase; present only while the phase runs.",
            new GaugeConfiguration { LabelNames = PhaseLabels });
        _collectionMissingExports = factory.CreateGauge("kafka_recon_collection_missing_exports",
            "Missing exports of the collections with most missing exports in the last run (top N only).",
            new GaugeConfiguration { LabelNames = CollectionLabels });
        _collectionMissingImports = factory.CreateGauge("kafka_recon_collection_missing_imports",
            "Missing imports of the collections with most missing imports in the last run (top N only).",
            new GaugeConfiguration { LabelNames = CollectionLabels });
        _notifications = factory.CreateCounter("kafka_recon_notifications_total", "Outcome notifications by result.",
            new CounterConfiguration { LabelNames = ["channel", "result"] });

        foreach (var result in NotificationResultLabels)
        {
            _notifications.WithLabels("slack", result);
        }

        _queuedRuns = factory.CreateGauge("kafka_recon_queued_runs",
            "Embedded phases waiting for a run slot in this operator process.");
        _runningRuns = factory.CreateGauge("kafka_recon_running_runs",
            "Embedded phases running in this operator process.");
        _runSlots = factory.CreateGauge("kafka_recon_run_slots",
            "Embedded phases this operator process runs at once (--max-concurrent-runs).");
    }

    /// <summary>Shows the run executor's queue length and running count.</summary>
    public void ExecutorCounts(int queued, int running, int slots)
    {
        _queuedRuns.Set(queued);
        _runningRuns.Set(running);
        _runSlots.Set(slots);
    }

    public static IReadOnlyList<string> NotificationResultLabels { get; } = ["sent", "failed", "skipped"];

    /// <summary>How many collections per resource get a per-collection series.</summary>
    public int TopCollections { get; }

    /// <summary>Counts a finished run and shows its numbers (taken from the resource's status).</summary>
    public void RecordRunCompleted(KafkaReconciliation resource, RunResult result) =>
        RecordRunCompleted(resource, result, RunSnapshot.From(resource.Status ?? new KafkaReconciliationStatus()));

    /// <summary>Counts a finished run and shows the numbers of its report summary (for <c>kafka-recon run</c>).</summary>
    public void RecordRunCompleted(KafkaReconciliation resource, RunResult result, ReportSummary summary) =>
        RecordRunCompleted(resource, result, RunSnapshot.From(summary));

    /// <summary>
    /// Shows a finished resource's numbers without counting a run: call it for every finished resource seen after
    /// a restart or leadership change, so the gauges (and the "no success" watchdog) survive the restart.
    /// </summary>
    public void ObserveFinishedResource(KafkaReconciliation resource)
    {
        var result = ResultOf(resource.Status?.Phase);
        if (result is null)
        {
            return;
        }
        var labels = MetricResource.From(resource);
        lock (_gate)
        {
            EnsureRunCounters(labels);
            ShowRun(labels, result.Value, RunSnapshot.From(resource.Status!), CompletionTimeOf(resource));
        }
    }

    /// <summary>Marks a phase as running since <paramref name="startedAt"/> with its timeout (for the stuck-phase alert).</summary>
    public void PhaseStarted(KafkaReconciliation resource, string phase, DateTimeOffset startedAt, TimeSpan timeout)
    {
        var labels = MetricResource.From(resource);
        lock (_gate)
        {
            EnsureRunCounters(labels);
            var tracked = Track(labels);
            tracked.RunningPhases.Add(phase);
            _phaseStart.WithLabels(labels.Namespace, labels.Name, phase).Set(startedAt.ToUnixTimeMilliseconds() / 1000d);
            _phaseTimeout.WithLabels(labels.Namespace, labels.Name, phase).Set(timeout.TotalSeconds);
        }
    }

    /// <summary>Observes a finished phase's duration and removes its running-phase series.</summary>
    public void PhaseCompleted(KafkaReconciliation resource, string phase, EngineKind engine, TimeSpan duration)
    {
        _phaseDuration.WithLabels(phase, EngineLabel(engine)).Observe(Math.Max(0, duration.TotalSeconds));
        var labels = MetricResource.From(resource);
        lock (_gate)
        {
            if (_resources.TryGetValue(labels.Key, out var tracked))
            {
                tracked.RunningPhases.Remove(phase);
            }
            RemovePhaseSeries(labels, phase);
        }
    }

    /// <summary>Removes every series of a deleted resource.</summary>
    public void ResourceDeleted(string @namespace, string name)
    {
        lock (_gate)
        {
            if (_resources.Remove($"{@namespace}/{name}", out var tracked))
            {
                RemoveAll(tracked);
            }
        }
    }

    /// <summary>Removes every per-resource series (a replica that lost leadership stops speaking for resources).</summary>
    public void ForgetAllResources()
    {
        lock (_gate)
        {
            foreach (var tracked in _resources.Values)
            {
                RemoveAll(tracked);
            }
            _resources.Clear();
        }
    }

    public void NotificationCompleted(string channel, string result) => _notifications.WithLabels(channel, result).Inc();

    private void RecordRunCompleted(KafkaReconciliation resource, RunResult result, RunSnapshot snapshot)
    {
        var labels = MetricResource.From(resource);
        lock (_gate)
        {
            EnsureRunCounters(labels);
            _runs.WithLabels(labels.Namespace, labels.Schedule, ResultLabel(result)).Inc();
            var tracked = Track(labels);
            foreach (var phase in tracked.RunningPhases)
            {
                RemovePhaseSeries(labels, phase);
            }
            tracked.RunningPhases.Clear();
            ShowRun(labels, result, snapshot, CompletionTimeOf(resource));
        }
    }

    private void ShowRun(MetricResource labels, RunResult result, RunSnapshot run, DateTimeOffset completedAt)
    {
        var tracked = Track(labels);
        string[] values = [labels.Namespace, labels.Name, labels.Schedule];
        _imported.WithLabels(values).Set(run.Totals.Imported);
        _exported.WithLabels(values).Set(run.Totals.Exported);
        _missingExports.WithLabels(values).Set(run.Totals.MissingExports);
        _missingImports.WithLabels(values).Set(run.Totals.MissingImports);
        _mismatchedTimestamps.WithLabels(values).Set(run.Totals.MismatchedTimestamps);
        _missingCollections.WithLabels(values).Set(run.Totals.MissingCollections);
        _missingDatabases.WithLabels(values).Set(run.Totals.MissingDatabases);
        _duplicateImports.WithLabels(values).Set(run.Totals.DuplicateImports);
        _duplicateExports.WithLabels(values).Set(run.Totals.DuplicateExports);
        var seconds = completedAt.ToUnixTimeMilliseconds() / 1000d;
        _completion.WithLabels(values).Set(seconds);
        if (result == RunResult.Succeeded)
        {
            _success.WithLabels(values).Set(seconds);
        }
        ShowCost(_athenaBytesScanned, values, run.Cost?.AthenaBytesScanned);
        ShowCost(_glueDpuSeconds, values, run.Cost?.GlueDpuSeconds);
        ShowCost(_batchVcpuSeconds, values, run.Cost?.BatchVcpuSeconds);

        tracked.ExportCollections = ShowTopCollections(
            _collectionMissingExports, labels, tracked.ExportCollections, run.Collections, c => c.MissingExports);
        tracked.ImportCollections = ShowTopCollections(
            _collectionMissingImports, labels, tracked.ImportCollections, run.Collections, c => c.MissingImports);
    }

    /// <summary>An item the run did not use on AWS has no series (an embedded run is not a free AWS run).</summary>
    private static void ShowCost(Gauge gauge, string[] labels, double? value)
    {
        if (value is { } used)
        {
            gauge.WithLabels(labels).Set(used);
        }
        else
        {
            gauge.RemoveLabelled(labels);
        }
    }

    private HashSet<(string Database, string Collection)> ShowTopCollections(
        Gauge gauge,
        MetricResource labels,
        HashSet<(string Database, string Collection)> shown,
        IReadOnlyList<CollectionResult> collections,
        Func<CollectionResult, long> missing)
    {
        var top = collections
            .Where(c => missing(c) > 0)
            .OrderByDescending(missing)
            .ThenBy(c => c.Database, StringComparer.Ordinal)
            .ThenBy(c => c.Collection, StringComparer.Ordinal)
            .Take(TopCollections)
            .ToList();
        var now = top.Select(c => (c.Database, c.Collection)).ToHashSet();
        foreach (var (database, collection) in shown.Where(key => !now.Contains(key)))
        {
            gauge.RemoveLabelled(labels.Namespace, labels.Name, database, collection);
        }
        foreach (var c in top)
        {
            gauge.WithLabels(labels.Namespace, labels.Name, c.Database, c.Collection).Set(missing(c));
        }
        return now;
    }

    private TrackedResource Track(MetricResource labels)
    {
        if (_resources.TryGetValue(labels.Key, out var tracked))
        {
            if (tracked.Labels.Schedule == labels.Schedule)
            {
                return tracked;
            }
            // The schedule label changed: the old series carry a stale label value.
            RemoveResourceSeries(tracked.Labels);
            tracked.Labels = labels;
            return tracked;
        }
        tracked = new TrackedResource(labels);
        _resources[labels.Key] = tracked;
        return tracked;
    }

    private void EnsureRunCounters(MetricResource labels)
    {
        // A counter series that appears already at 1 is invisible to increase(); publish all results at 0 first.
        if (_initialisedRunCounters.Add((labels.Namespace, labels.Schedule)))
        {
            foreach (var result in Enum.GetValues<RunResult>())
            {
                _runs.WithLabels(labels.Namespace, labels.Schedule, ResultLabel(result));
            }
        }
    }

    private void RemoveAll(TrackedResource tracked)
    {
        RemoveResourceSeries(tracked.Labels);
        foreach (var (database, collection) in tracked.ExportCollections)
        {
            _collectionMissingExports.RemoveLabelled(tracked.Labels.Namespace, tracked.Labels.Name, database, collection);
        }
        foreach (var (database, collection) in tracked.ImportCollections)
        {
            _collectionMissingImports.RemoveLabelled(tracked.Labels.Namespace, tracked.Labels.Name, database, collection);
        }
        foreach (var phase in tracked.RunningPhases)
        {
            RemovePhaseSeries(tracked.Labels, phase);
        }
    }

    private void RemoveResourceSeries(MetricResource labels)
    {
        foreach (var gauge in new[]
                 {
                     _imported, _exported, _missingExports, _missingImports, _mismatchedTimestamps,
                     _missingCollections, _missingDatabases, _duplicateImports, _duplicateExports, _completion,
                     _success, _athenaBytesScanned, _glueDpuSeconds, _batchVcpuSeconds,
                 })
        {
            gauge.RemoveLabelled(labels.Namespace, labels.Name, labels.Schedule);
        }
    }

    private void RemovePhaseSeries(MetricResource labels, string phase)
    {
        _phaseStart.RemoveLabelled(labels.Namespace, labels.Name, phase);
        _phaseTimeout.RemoveLabelled(labels.Namespace, labels.Name, phase);
    }

    /// <summary>
    /// A rechecked window keeps its first verdict's time, so an older window rechecked late never becomes the
    /// schedule's latest run and hides a newer window's findings (alerts pick the latest by this time).
    /// </summary>
    private DateTimeOffset CompletionTimeOf(KafkaReconciliation resource) =>
        resource.Status?.Checks.FirstOrDefault()?.Time ?? resource.Status?.CompletionTime ?? _time.GetUtcNow();

    private static Gauge ResourceGauge(IMetricFactory factory, string name, string help) =>
        factory.CreateGauge(name, help, new GaugeConfiguration { LabelNames = ResourceLabels });

    private static RunResult? ResultOf(ReconciliationPhase? phase) => phase switch
    {
        ReconciliationPhase.Succeeded => RunResult.Succeeded,
        ReconciliationPhase.Failed => RunResult.Failed,
        ReconciliationPhase.Cancelled => RunResult.Cancelled,
        _ => null,
    };

    private static string ResultLabel(RunResult result) => result switch
    {
        RunResult.Succeeded => "succeeded",
        RunResult.Failed => "failed",
        _ => "cancelled",
    };

    private static string EngineLabel(EngineKind engine) => engine == EngineKind.Aws ? "aws" : "embedded";

    private sealed class TrackedResource(MetricResource labels)
    {
        public MetricResource Labels { get; set; } = labels;
        public HashSet<(string Database, string Collection)> ExportCollections { get; set; } = [];
        public HashSet<(string Database, string Collection)> ImportCollections { get; set; } = [];
        public HashSet<string> RunningPhases { get; } = new(StringComparer.Ordinal);
    }
}
