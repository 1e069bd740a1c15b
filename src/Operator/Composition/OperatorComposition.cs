using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines.Jobs;
using KafkaRecon.Operator.Kubernetes.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KafkaRecon.Operator.Composition;

/// <summary>
/// Wires the operator process: the Kubernetes runtime (<see cref="OperatorHost"/>) with the reconciliation services
/// (<see cref="ReconciliationServices"/>) and the AWS settings from the command line.
/// </summary>
internal static class OperatorComposition
{
    /// <param name="jobs">How <c>spec.transform.runner: job</c> Jobs are made; null: that runner is off.</param>
    public static WebApplication Build(OperatorOptions options, AwsSettings aws, JobRunnerSettings? jobs = null) =>
        Build(options, aws, services =>
        {
            if (jobs is not null)
            {
                services.AddSingleton(jobs);
            }
            services.AddKafkaReconReconciliation();
        });

    /// <param name="addReconciler">Registers the <c>IReconciler</c> and its parts (tests swap in their own).</param>
    public static WebApplication Build(OperatorOptions options, AwsSettings aws, Action<IServiceCollection> addReconciler) =>
        OperatorHost.Build(options, services =>
        {
            services.AddSingleton(aws);
            addReconciler(services);
        });
}
