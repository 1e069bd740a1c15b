using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Jobs;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Tests.Engines.Aws;

namespace KafkaRecon.Tests.Engines.Jobs;

internal static class PhaseJobContexts
{
    public static readonly JobRunnerSettings Settings = new("ghcr.io/kafka-recon/kafka-recon:1.2.3", "recon-system")
    {
        ServiceAccount = "kafka-recon",
        AwsEndpoint = "http://moto:5000",
    };

    public static PhaseContext Transform(Action<TransformSpec>? change = null)
    {
        var spec = AwsPhaseContexts.Spec("bucket");
        spec.Engine = EngineKind.Embedded;
        spec.Transform.Runner = TransformRunner.Job;
        change?.Invoke(spec.Transform);
        var context = AwsPhaseContexts.Create(spec, "transform", uid: "4f0c2a9e-0000-4000-8000-000000000001");
        return context with { IdempotencyKey = IdempotencyKeys.For(context.Resource, RunPhase.Transform, 1, 1) };
    }
}
