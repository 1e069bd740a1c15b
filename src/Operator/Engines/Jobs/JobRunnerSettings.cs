using k8s.Models;

namespace KafkaRecon.Operator.Engines.Jobs;

/// <summary>
/// How the operator runs a phase in a batch/v1 Job of its own (<c>spec.transform.runner: job</c>): the image (the
/// operator's own), the namespace and ServiceAccount of the Jobs (the operator's, so they carry its storage
/// identity), the environment the chart gives the operator for storage (region, endpoint, credentials by reference),
/// and how often a running Job is polled.
/// </summary>
internal sealed record JobRunnerSettings(string Image, string Namespace)
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(15);

    public string? ServiceAccount { get; init; }

    public string? AwsEndpoint { get; init; }

    public IReadOnlyList<V1EnvVar> Environment { get; init; } = [];

    public string ImagePullPolicy { get; init; } = "IfNotPresent";

    public TimeSpan PollInterval { get; init; } = DefaultPollInterval;
}
