namespace KafkaRecon.Operator.Kubernetes.Leadership;

/// <summary>What happens when the Lease is lost while the process is not shutting down (tests substitute it).</summary>
internal interface ILeadershipLossHandler
{
    void OnLeadershipLost(string identity);
}
