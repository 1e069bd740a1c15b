namespace KafkaRecon.Operator.Kubernetes.Leadership;

/// <summary>Leader election disabled: this replica is always the leader.</summary>
internal sealed class SoleReplica : ILeadership
{
    public bool IsLeader => true;

    public Task WhenLeadingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
