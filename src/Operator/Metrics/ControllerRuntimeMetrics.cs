using Prometheus;

namespace KafkaRecon.Operator.Metrics;

/// <summary>
/// controller-runtime's own metrics, spelled as controller-runtime spells them (reconcile results and durations,
/// the work queue's counters), plus the leader gauge.
/// </summary>
internal sealed class ControllerRuntimeMetrics
{
    private readonly Counter _reconcileTotal;
    private readonly Counter _reconcileErrors;
    private readonly Histogram _reconcileTime;
    private readonly Gauge _workQueueDepth;
    private readonly Counter _workQueueAdds;
    private readonly Counter _workQueueRetries;
    private readonly Gauge _leader;

    public ControllerRuntimeMetrics(IMetricFactory factory)
    {
        _reconcileTotal = factory.CreateCounter("controller_runtime_reconcile_total", "Total number of reconciliations per controller.",
            new CounterConfiguration { LabelNames = ["controller", "result"] });
        _reconcileErrors = factory.CreateCounter("controller_runtime_reconcile_errors_total", "Total number of reconciliation errors per controller.",
            new CounterConfiguration { LabelNames = ["controller"] });
        _reconcileTime = factory.CreateHistogram("controller_runtime_reconcile_time_seconds", "Length of time per reconciliation per controller.",
            new HistogramConfiguration { LabelNames = ["controller"], Buckets = Histogram.ExponentialBuckets(0.005, 2, 16) });
        _workQueueDepth = factory.CreateGauge("workqueue_depth", "Current depth of workqueue.",
            new GaugeConfiguration { LabelNames = ["name"] });
        _workQueueAdds = factory.CreateCounter("workqueue_adds_total", "Total number of adds handled by workqueue.",
            new CounterConfiguration { LabelNames = ["name"] });
        _workQueueRetries = factory.CreateCounter("workqueue_retries_total", "Total number of retries handled by workqueue.",
            new CounterConfiguration { LabelNames = ["name"] });
        _leader = factory.CreateGauge("kafka_recon_leader", "1 while this replica holds the leader lease, else 0.");
        _leader.Set(0);
    }

    public void ReconcileCompleted(string controller, ReconcileResult result, TimeSpan duration)
    {
        _reconcileTotal.WithLabels(controller, ReconcileResultLabel(result)).Inc();
        _reconcileErrors.WithLabels(controller).Inc(result == ReconcileResult.Error ? 1 : 0);
        _reconcileTime.WithLabels(controller).Observe(Math.Max(0, duration.TotalSeconds));
    }

    public void WorkQueueDepthChanged(string queue, int depth) => _workQueueDepth.WithLabels(queue).Set(depth);

    public void WorkQueueAdded(string queue) => _workQueueAdds.WithLabels(queue).Inc();

    public void WorkQueueRetried(string queue) => _workQueueRetries.WithLabels(queue).Inc();

    /// <summary>Copies a work queue's own counters (read just before each scrape).</summary>
    public void WorkQueueObserved(string queue, int depth, long adds, long retries)
    {
        _workQueueDepth.WithLabels(queue).Set(depth);
        _workQueueAdds.WithLabels(queue).IncTo(adds);
        _workQueueRetries.WithLabels(queue).IncTo(retries);
    }

    public void LeadershipChanged(bool leading) => _leader.Set(leading ? 1 : 0);

    private static string ReconcileResultLabel(ReconcileResult result) => result switch
    {
        ReconcileResult.Success => "success",
        ReconcileResult.Error => "error",
        ReconcileResult.Requeue => "requeue",
        _ => "requeue_after",
    };
}
