using Prometheus;

namespace KafkaRecon.Operator.Metrics;

/// <summary>Every AWS request attempt, by service, operation and outcome.</summary>
internal sealed class AwsCallMetrics(IMetricFactory factory)
{
    private readonly Counter _awsCalls = factory.CreateCounter(
        "kafka_recon_aws_api_calls_total", "AWS API calls by service, operation and outcome.",
        new CounterConfiguration { LabelNames = ["service", "operation", "outcome"] });

    public void AwsApiCalled(string service, string operation, string outcome) =>
        _awsCalls.WithLabels(service, operation, outcome).Inc();
}
