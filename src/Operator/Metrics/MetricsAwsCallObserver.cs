using KafkaRecon.Operator.Aws;

namespace KafkaRecon.Operator.Metrics;

/// <summary>Counts every AWS request attempt in <c>kafka_recon_aws_api_calls_total</c> by service, operation and outcome.</summary>
internal sealed class MetricsAwsCallObserver(KafkaReconMetrics metrics) : IAwsCallObserver
{
    public void Observe(string service, string operation, string outcome) =>
        metrics.Aws.AwsApiCalled(service, operation, outcome);
}
