namespace KafkaRecon.Operator.Kubernetes.Leadership;

/// <summary>Leader election disabled: this replica is always the leader (its watches say whether it is connected).</summary>
internal sealed class SoleReplica : ILeadership
{
    public bool IsLeader => true;

    public bool IsConnected => true;

    public Task WhenLeadingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
