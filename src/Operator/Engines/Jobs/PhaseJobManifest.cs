using k8s.Models;
using KafkaRecon.Entities.Validation;
using KafkaRecon.Operator.Reconciliation;

namespace KafkaRecon.Operator.Engines.Jobs;

/// <summary>
/// The batch/v1 Job that runs one phase of one run: named by the phase's idempotency key (a restarted operator finds
/// it instead of creating a second), one pod, never retried by Kubernetes (a failed pod fails the phase and the
/// operator's retry policy decides, with a new key), stopped at the phase's timeout, and hardened like the operator
/// pod. The pod gets no ServiceAccount token: it reads its request from its environment and talks only to storage.
/// </summary>
internal static class PhaseJobManifest
{
    public const string ContainerName = "phase";
    public const string JobLabel = "kafkarecon.io/phase-job";
    public const string PhaseLabel = "kafkarecon.io/phase";
    public const string ResourceAnnotation = "kafkarecon.io/resource";
    public const string TerminationLog = "/dev/termination-log";

    /// <summary>Finished Jobs (and their pods' logs) are kept this long for a look, then Kubernetes deletes them.</summary>
    public static readonly TimeSpan KeepFinished = TimeSpan.FromDays(1);

    public static string NameFor(PhaseContext context) => context.IdempotencyKey;

    public static V1Job For(PhaseContext context, RunPhase phase, JobRunnerSettings settings)
    {
        var name = NameFor(context);
        var labels = new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = "kafka-recon",
            ["app.kubernetes.io/component"] = "phase-job",
            [PhaseLabel] = phase.Name(),
        };
        var podLabels = new Dictionary<string, string>(labels) { [JobLabel] = name };
        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = settings.Namespace,
                Labels = labels,
                Annotations = new Dictionary<string, string> { [ResourceAnnotation] = context.Resource.ToString() },
            },
            Spec = new V1JobSpec
            {
                BackoffLimit = 0,
                ActiveDeadlineSeconds = (long)Math.Ceiling(
                    DurationParser.Parse(context.Spec.Timeouts.Transform, "spec.timeouts.transform").TotalSeconds),
                TtlSecondsAfterFinished = (int)KeepFinished.TotalSeconds,
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = podLabels },
                    Spec = PodSpec(context, phase, settings),
                },
            },
        };
    }

    public static IList<string> Arguments(RunPhase phase, JobRunnerSettings settings) =>
    [
        "phase", phase.Name(), "--result-file", TerminationLog,
        .. settings.AwsEndpoint is { Length: > 0 } endpoint ? new[] { "--aws-endpoint", endpoint } : [],
    ];

    private static V1PodSpec PodSpec(PhaseContext context, RunPhase phase, JobRunnerSettings settings) => new()
    {
        RestartPolicy = "Never",
        ServiceAccountName = settings.ServiceAccount,
        AutomountServiceAccountToken = false,
        SecurityContext = new V1PodSecurityContext
        {
            RunAsNonRoot = true,
            RunAsUser = 1654,
            RunAsGroup = 1654,
            FsGroup = 1654,
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        },
        Containers =
        [
            new V1Container
            {
                Name = ContainerName,
                Image = settings.Image,
                ImagePullPolicy = settings.ImagePullPolicy,
                Args = Arguments(phase, settings),
                Env =
                [
                    .. settings.Environment,
                    new V1EnvVar { Name = "TMPDIR", Value = "/tmp" },
                    new V1EnvVar { Name = PhaseJobRequest.Variable, Value = PhaseJobRequest.From(context).ToJson() },
                ],
                Resources = PhaseJobResources.For(context.Spec.Transform),
                TerminationMessagePath = TerminationLog,
                TerminationMessagePolicy = "FallbackToLogsOnError",
                SecurityContext = new V1SecurityContext
                {
                    AllowPrivilegeEscalation = false,
                    ReadOnlyRootFilesystem = true,
                    RunAsNonRoot = true,
                    Capabilities = new V1Capabilities { Drop = ["ALL"] },
                    SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
                },
                VolumeMounts = [new V1VolumeMount { Name = "tmp", MountPath = "/tmp" }],
            },
        ],
        Volumes = [new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource() }],
    };
}
