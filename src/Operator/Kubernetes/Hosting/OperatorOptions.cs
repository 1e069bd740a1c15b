using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Operator.Kubernetes.Watching;

namespace KafkaRecon.Operator.Kubernetes.Hosting;

/// <summary>Everything <c>kafka-recon operator</c> is configured with.</summary>
internal sealed record OperatorOptions
{
    public WatchScope Scope { get; init; } = WatchScope.AllNamespaces;

    public int Workers { get; init; } = 2;

    public const int DefaultFirstAnswerWorkers = 8;

    /// <summary>
    /// Workers beyond <see cref="Workers"/> that take only resources nobody has answered yet: a first answer is a
    /// GET, a finalizer PATCH and a status write, so they wait on the API server, not on the CPU.
    /// </summary>
    public int FirstAnswerWorkers { get; init; } = DefaultFirstAnswerWorkers;

    /// <summary>Embedded phases run at once, off the workers; null takes the default from the pod's CPU and memory.</summary>
    public int? MaxConcurrentRuns { get; init; }

    /// <summary>How long in-flight reconciles may finish after SIGTERM before they are cancelled.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Kestrel port for /healthz, /readyz and /metrics; 0 picks a free port (tests).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Address Kestrel binds; all interfaces in a pod, loopback in tests.</summary>
    public string BindAddress { get; init; } = "0.0.0.0";

    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    public LeaderElectionOptions LeaderElection { get; init; } = new();

    public WatchOptions Watch { get; init; } = new();

    public KubeConnectionOptions Connection { get; init; } = new();
}
