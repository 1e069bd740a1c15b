namespace KafkaRecon.Operator.Metrics;

/// <summary>How a run ended, as counted by <c>kafka_recon_runs_total{result}</c>.</summary>
internal enum RunResult
{
    Succeeded,
    Failed,
    Cancelled,
}
