namespace KafkaRecon.Operator.Kubernetes.Leadership;

/// <summary>Whether this replica may run workers: always without leader election, only while holding the Lease with it.</summary>
internal interface ILeadership
{
    bool IsLeader { get; }

    /// <summary>
    /// Whether this replica reaches the API server and so could lead at once: a standby that is connected can serve
    /// (it is Ready), leading or not.
    /// </summary>
    bool IsConnected { get; }

    /// <summary>Completes once this replica leads.</summary>
    Task WhenLeadingAsync(CancellationToken cancellationToken);
}
