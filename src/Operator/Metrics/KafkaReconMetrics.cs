using Prometheus;

namespace KafkaRecon.Operator.Metrics;

/// <summary>
/// Every metric kafka-recon exports, on one registry, split by concern: the results of runs, the controller's
/// runtime, and AWS calls. Metric names and labels are a contract with the dashboards and alert rules.
/// </summary>
internal sealed class KafkaReconMetrics
{
    public const int DefaultTopCollections = RunMetrics.DefaultTopCollections;

    public KafkaReconMetrics(CollectorRegistry registry, TimeProvider time, int topCollections = DefaultTopCollections)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        Runs = new RunMetrics(factory, time, topCollections);
        Checks = new CheckMetrics(factory);
        Controller = new ControllerRuntimeMetrics(factory);
        Aws = new AwsCallMetrics(factory);
    }

    public RunMetrics Runs { get; }

    public CheckMetrics Checks { get; }

    public ControllerRuntimeMetrics Controller { get; }

    public AwsCallMetrics Aws { get; }
}
