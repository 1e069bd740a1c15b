using k8s;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Composition;

/// <summary>
/// Puts <c>spec.transform.runner</c> in front of the operator's embedded transform: in the run executor, or in a
/// Job of its own when the operator has <see cref="JobRunnerSettings"/>. The Job's completion is checked with the
/// embedded transformer's own published-tables check.
/// </summary>
internal static class JobRunnerComposition
{
    public static EngineSet WithTransformRunner(IServiceProvider services, EngineSet inOperator)
    {
        var settings = services.GetService<JobRunnerSettings>();
        var inJob = settings is null
            ? null
            : new JobTransformer(services.GetRequiredService<IKubernetes>(), settings,
                services.GetRequiredService<EngineSet>().Transformer,
                services.GetRequiredService<ILogger<JobTransformer>>());
        return inOperator with { Transformer = new RunnerTransformer(inOperator.Transformer, inJob) };
    }
}
