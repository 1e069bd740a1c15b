using KafkaRecon.Operator.Engines;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Execution;

/// <summary>
/// Makes an in-process engine look like a job submission: start submits its work to the <see cref="RunExecutor"/>
/// under the phase's idempotency key and returns at once (queued or running in this process), and asking again with
/// the same key reports where that work stands, so the phase stays Submitting until the work ends. Only when the work
/// itself started external work (its observation is Running with ids) does the phase become Running, with the ids in
/// status, and polls go to the engine. A restarted operator has an empty executor: a Submitting phase is submitted
/// again (embedded phases are idempotent) and a Running one is polled by its ids.
/// </summary>
internal sealed class ExecutorPhaseEngine(IPhaseEngine inner, RunExecutor executor, ILogger logger)
    : ICoalescer, ITransformer, IQueryRunner
{
    /// <summary>A running phase's next poll; the executor wakes the resource sooner when the work ends.</summary>
    public static readonly TimeSpan RunningPollInterval = TimeSpan.FromSeconds(30);

    public Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ObservationOf(Submit(context)));

    public Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        switch (executor.Observe(context.IdempotencyKey))
        {
            case ExecutionState.Finished { Observation.State: ObservedState.Running } started when context.ExternalIds.Count == 0:
                return Task.FromResult(started.Observation); // its ids go to status before anything waits on them
            case ExecutionState.Finished { Observation.State: ObservedState.Running }:
                return inner.PollAsync(context, cancellationToken); // the engine started work that runs elsewhere
            case { } state:
                return Task.FromResult(ObservationOf(state));
        }
        if (context.ExternalIds.Count > 0)
        {
            return inner.PollAsync(context, cancellationToken);
        }
        // Only a status written before phases stayed Submitting in the executor says Running without ids.
        logger.LogInformation("{Resource}: work {Key} is unknown to this process (restarted?); running it again",
            context.Resource, context.IdempotencyKey);
        return Task.FromResult(ObservationOf(Submit(context)));
    }

    public async Task CancelAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        executor.Cancel(context.IdempotencyKey);
        await inner.CancelAsync(context, cancellationToken);
    }

    /// <summary>
    /// A queued phase is polled for its place as often as the executor refreshes it (the executor wakes the
    /// resource when its work starts or ends).
    /// </summary>
    public static TimeSpan QueuedPollInterval(QueuePlace place) => RunExecutor.PlaceRefresh(place.Position);

    private static PhaseObservation Queued(QueuePlace place) => PhaseObservation.Queued(place, QueuedPollInterval(place));

    private ExecutionState Submit(PhaseContext context) =>
        executor.Submit(context.IdempotencyKey, context.Resource, token => inner.StartAsync(context, token));

    private static PhaseObservation ObservationOf(ExecutionState state) => state switch
    {
        ExecutionState.Finished finished => finished.Observation,
        ExecutionState.Queued queued => Queued(new QueuePlace(queued.Position, queued.Waiting, queued.Slots)),
        _ => PhaseObservation.RunningInProcess(RunningPollInterval),
    };
}
