using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Engines.Jobs;

/// <summary>
/// The embedded transform where <c>spec.transform.runner</c> says: in the operator (its run executor) or in a Job of
/// its own. Without Job settings (no <c>--job-image</c>) a <c>job</c> phase fails at once, naming what to set.
/// Cancelling asks both: a spec edited from one runner to the other must still stop the work the old one started.
/// </summary>
internal sealed class RunnerTransformer(ITransformer inOperator, ITransformer? inJob) : ITransformer
{
    public Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken) =>
        For(context) is { } engine ? engine.StartAsync(context, cancellationToken) : Task.FromResult(NotConfigured());

    public Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken) =>
        For(context) is { } engine ? engine.PollAsync(context, cancellationToken) : Task.FromResult(NotConfigured());

    public async Task CancelAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        await inOperator.CancelAsync(context, cancellationToken);
        if (inJob is not null)
        {
            await inJob.CancelAsync(context, cancellationToken);
        }
    }

    private ITransformer? For(PhaseContext context) =>
        context.Spec.Transform.Runner == TransformRunner.Job ? inJob : inOperator;

    private static PhaseObservation NotConfigured() => PhaseObservation.Failed(PhaseFailure.EngineNotConfigured,
        "spec.transform.runner 'job' needs the operator started with --job-image (the chart sets it from its image); " +
        "use runner 'operator' or configure the operator.", retryable: false);
}
