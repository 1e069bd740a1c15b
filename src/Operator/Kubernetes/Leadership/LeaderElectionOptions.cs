namespace KafkaRecon.Operator.Kubernetes.Leadership;

/// <summary>Leader election on a coordination.k8s.io/v1 Lease (controller-runtime's defaults: 15 s / 10 s / 2 s).</summary>
internal sealed record LeaderElectionOptions
{
    public const string DefaultLeaseName = "kafka-recon-leader";

    public bool Enabled { get; init; }

    public string LeaseNamespace { get; init; } = "default";

    public string LeaseName { get; init; } = DefaultLeaseName;

    /// <summary>This replica's identity: pod name (or host name) plus a random suffix, unique per process.</summary>
    public string Identity { get; init; } = DefaultIdentity();

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    public static string DefaultIdentity()
    {
        var host = Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod : Environment.MachineName;
        return $"{host}_{Guid.NewGuid().ToString("N")[..8]}";
    }
}
