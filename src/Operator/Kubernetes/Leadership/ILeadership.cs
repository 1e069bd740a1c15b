namespace KafkaRecon.Operator.Kubernetes.Leadership;

/// <summary>Whether this replica may run workers: always without leader election, only while holding the Lease with it.</summary>
internal interface ILeadership
{
    bool IsLeader { get; }

    /// <summary>Completes once this replica leads.</summary>
    Task WhenLeadingAsync(CancellationToken cancellationToken);
}
