using KafkaRecon.Entities;
using Prometheus;

namespace KafkaRecon.Operator.Metrics;

/// <summary>
/// The checks of each resource's window (spec.recheck): the latest check's number, delay after the first verdict
/// and missing exports (for the "still missing after 24 h" alert), and the records rechecks found arrived late.
/// </summary>
internal sealed class CheckMetrics
{
    private static readonly string[] ResourceLabels = ["namespace", "name", "schedule"];

    private readonly Gauge _latestCheck;
    private readonly Gauge _latestCheckDelay;
    private readonly Gauge _latestCheckMissingExports;
    private readonly Counter _recovered;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MetricResource> _shown = new(StringComparer.Ordinal);

    public CheckMetrics(IMetricFactory factory)
    {
        _latestCheck = Resource(factory, "kafka_recon_latest_check",
            "Number of the resource's latest check of its window: 1 for the first verdict, then each recheck.");
        _latestCheckDelay = Resource(factory, "kafka_recon_latest_check_delay_seconds",
            "Seconds between the first verdict and the latest check of the window (0 for the first).");
        _latestCheckMissingExports = Resource(factory, "kafka_recon_latest_check_missing_exports",
            "Imported records still missing from the export at the latest check of the window.");
        _recovered = factory.CreateCounter("kafka_recon_recovered_records_total",
            "Records an earlier check found missing that a recheck found arrived late.",
            new CounterConfiguration { LabelNames = ResourceLabels });
    }

    /// <summary>A check was appended to status.checks: shows it and counts what it recovered.</summary>
    public void CheckRecorded(KafkaReconciliation resource, CheckRecord check, CheckRecord first)
    {
        var labels = MetricResource.From(resource);
        lock (_gate)
        {
            Show(labels, check, first);
            // Published at 0 with the first check, so the first recovery is visible to increase().
            _recovered.WithLabels(labels.Namespace, labels.Name, labels.Schedule).Inc(Math.Max(0, check.Recovered));
        }
    }

    /// <summary>Shows the latest check from status (after a restart), counting nothing.</summary>
    public void Observe(KafkaReconciliation resource)
    {
        if (resource.Status?.Checks is not { Count: > 0 } checks)
        {
            return;
        }
        lock (_gate)
        {
            Show(MetricResource.From(resource), checks[^1], checks[0]);
        }
    }

    public void ResourceDeleted(string @namespace, string name)
    {
        lock (_gate)
        {
            if (_shown.Remove($"{@namespace}/{name}", out var labels))
            {
                Remove(labels);
            }
        }
    }

    private void Show(MetricResource labels, CheckRecord check, CheckRecord first)
    {
        if (_shown.TryGetValue(labels.Key, out var before) && before != labels)
        {
            Remove(before); // the schedule label changed
        }
        _shown[labels.Key] = labels;
        string[] values = [labels.Namespace, labels.Name, labels.Schedule];
        _latestCheck.WithLabels(values).Set(check.Number);
        _latestCheckDelay.WithLabels(values).Set(Math.Max(0, (check.Time - first.Time).TotalSeconds));
        if (check.MissingExports is { } missing)
        {
            _latestCheckMissingExports.WithLabels(values).Set(missing);
        }
        else
        {
            _latestCheckMissingExports.RemoveLabelled(values); // the check could not compare: no number to show
        }
    }

    private void Remove(MetricResource labels)
    {
        foreach (var gauge in new[] { _latestCheck, _latestCheckDelay, _latestCheckMissingExports })
        {
            gauge.RemoveLabelled(labels.Namespace, labels.Name, labels.Schedule);
        }
        _recovered.RemoveLabelled(labels.Namespace, labels.Name, labels.Schedule);
    }

    private static Gauge Resource(IMetricFactory factory, string name, string help) =>
        factory.CreateGauge(name, help, new GaugeConfiguration { LabelNames = ResourceLabels });
}
