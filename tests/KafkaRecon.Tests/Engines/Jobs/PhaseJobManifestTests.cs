using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines.Jobs;
using KafkaRecon.Operator.Reconciliation;

namespace KafkaRecon.Tests.Engines.Jobs;

public sealed class PhaseJobManifestTests
{
    [Fact]
    public void Job_is_named_by_the_phase_idempotency_key_in_the_operator_namespace()
    {
        var context = PhaseJobContexts.Transform();

        var job = PhaseJobManifest.For(context, RunPhase.Transform, PhaseJobContexts.Settings);

        Assert.Equal(context.IdempotencyKey, job.Metadata.Name);
        Assert.True(job.Metadata.Name.Length <= 63, "a Job name longer than a label value cannot label its pods");
        Assert.Equal("recon-system", job.Metadata.NamespaceProperty);
        Assert.Equal("recon/nightly", job.Metadata.Annotations[PhaseJobManifest.ResourceAnnotation]);
        Assert.Equal(context.IdempotencyKey, job.Spec.Template.Metadata.Labels[PhaseJobManifest.JobLabel]);
    }

    [Fact]
    public void Memory_limit_and_threads_are_the_pod_requests_and_limits()
    {
        var context = PhaseJobContexts.Transform(transform =>
        {
            transform.MemoryLimit = "4GiB";
            transform.Threads = 3;
        });

        var resources = Container(context).Resources;

        Assert.Equal("4294967296", resources.Limits["memory"].ToString());
        Assert.Equal("4294967296", resources.Requests["memory"].ToString());
        Assert.Equal("3", resources.Limits["cpu"].ToString());
        Assert.Equal("3", resources.Requests["cpu"].ToString());
    }

    [Fact]
    public void Unset_memory_limit_and_threads_leave_the_pod_without_requests_or_limits()
    {
        var resources = Container(PhaseJobContexts.Transform()).Resources;

        Assert.Empty(resources.Limits);
        Assert.Empty(resources.Requests);
    }

    [Fact]
    public void Pod_runs_the_hidden_phase_command_with_the_planned_request_and_the_operator_storage_settings()
    {
        var context = PhaseJobContexts.Transform();
        var settings = PhaseJobContexts.Settings with
        {
            Environment = [new k8s.Models.V1EnvVar { Name = "AWS_REGION", Value = "eu-west-2" }],
        };

        var job = PhaseJobManifest.For(context, RunPhase.Transform, settings);
        var container = Assert.Single(job.Spec.Template.Spec.Containers);

        Assert.Equal(settings.Image, container.Image);
        Assert.Equal(["phase", "transform", "--result-file", "/dev/termination-log", "--aws-endpoint", "http://moto:5000"], container.Args);
        Assert.Equal("eu-west-2", container.Env.Single(e => e.Name == "AWS_REGION").Value);
        var request = PhaseJobRequest.Parse(container.Env.Single(e => e.Name == PhaseJobRequest.Variable).Value).ToContext();
        Assert.Equal((context.Resource, context.RunId, context.IdempotencyKey, context.Attempt),
            (request.Resource, request.RunId, request.IdempotencyKey, request.Attempt));
        Assert.Equal(context.Window.Start, request.Window.Start);
        Assert.Equal(context.Spec.Output.Location, request.Spec.Output.Location);
        Assert.Equal(TransformRunner.Job, request.Spec.Transform.Runner);
    }

    [Fact]
    public void Job_runs_one_pod_never_retried_by_kubernetes_stopped_at_the_phase_timeout_without_an_api_token()
    {
        var context = PhaseJobContexts.Transform();
        context.Spec.Timeouts.Transform = "90m";

        var job = PhaseJobManifest.For(context, RunPhase.Transform, PhaseJobContexts.Settings);
        var pod = job.Spec.Template.Spec;

        Assert.Equal(0, job.Spec.BackoffLimit);
        Assert.Equal(5400, job.Spec.ActiveDeadlineSeconds);
        Assert.Equal("Never", pod.RestartPolicy);
        Assert.False(pod.AutomountServiceAccountToken);
        Assert.Equal("kafka-recon", pod.ServiceAccountName);
        Assert.True(pod.Containers[0].SecurityContext.ReadOnlyRootFilesystem);
        Assert.Equal("/tmp", pod.Containers[0].VolumeMounts.Single().MountPath);
    }

    private static k8s.Models.V1Container Container(KafkaRecon.Operator.Engines.PhaseContext context) =>
        PhaseJobManifest.For(context, RunPhase.Transform, PhaseJobContexts.Settings).Spec.Template.Spec.Containers[0];
}
