using System.Collections.Concurrent;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Reconciliation;
using Microsoft.Extensions.DependencyInjection;

namespace KafkaRecon.Tests.EndToEnd;

/// <summary>
/// Wraps the real embedded engines to count the work each phase really does, across operator hosts (the object
/// outlives a host, like external jobs outlive a pod). A phase can be <b>blocked</b> (Start waits before doing any
/// work: the operator is "submitting") or <b>held</b> (the work is done but the phase reports Running until released).
/// </summary>
internal sealed class ObservedEngines
{
    private readonly ConcurrentDictionary<PhaseName, int> _workDone = new();
    private readonly ConcurrentDictionary<PhaseName, int> _cancels = new();
    private readonly ConcurrentDictionary<string, PhaseObservation> _finished = new();
    private readonly ConcurrentDictionary<PhaseName, TaskCompletionSource> _blocked = new();
    private readonly ConcurrentDictionary<PhaseName, bool> _held = new();

    public TaskCompletionSource BlockedStartReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource HeldPollReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int WorkDone(PhaseName phase) => _workDone.GetValueOrDefault(phase);

    public int Cancels(PhaseName phase) => _cancels.GetValueOrDefault(phase);

    public void Block(PhaseName phase) => _blocked[phase] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Hold(PhaseName phase) => _held[phase] = true;

    public void ReleaseAll()
    {
        foreach (var gate in _blocked.Values)
        {
            gate.TrySetResult();
        }

        _blocked.Clear();
        _held.Clear();
    }

    /// <summary>Replaces the host's engines with observed wrappers around fresh embedded engines.</summary>
    public void Register(IServiceCollection services) => services.AddSingleton(sp =>
    {
        var real = KafkaRecon.Operator.Composition.EngineComposition.EmbeddedEngines(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<KafkaRecon.Operator.Storage.IObjectStore>());
        return new EngineSet(
            new Observed(this, PhaseName.Coalesce, real.Coalescer),
            new Observed(this, PhaseName.Transform, real.Transformer),
            new Observed(this, PhaseName.Query, real.QueryRunner));
    });

    private sealed class Observed(ObservedEngines owner, PhaseName phase, IPhaseEngine inner) : ICoalescer, ITransformer, IQueryRunner
    {
        public async Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken)
        {
            if (owner._blocked.TryGetValue(phase, out var gate))
            {
                owner.BlockedStartReached.TrySetResult();
                await gate.Task.WaitAsync(cancellationToken);
            }

            owner._workDone.AddOrUpdate(phase, 1, (_, n) => n + 1);
            var observation = await inner.StartAsync(context, cancellationToken);
            if (!owner._held.ContainsKey(phase) || observation.State != ObservedState.Running && observation.State != ObservedState.Succeeded)
            {
                return observation;
            }

            var id = $"{phase}-{context.IdempotencyKey}";
            owner._finished[id] = observation;
            return PhaseObservation.Running([id], TimeSpan.FromMilliseconds(100));
        }

        public Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken)
        {
            var id = context.ExternalIds.FirstOrDefault(owner._finished.ContainsKey);
            if (id is null)
            {
                return inner.PollAsync(context, cancellationToken);
            }

            if (owner._held.ContainsKey(phase))
            {
                owner.HeldPollReached.TrySetResult();
                return Task.FromResult(PhaseObservation.Running([id], TimeSpan.FromMilliseconds(100)));
            }

            return Task.FromResult(owner._finished[id]);
        }

        public Task CancelAsync(PhaseContext context, CancellationToken cancellationToken)
        {
            owner._cancels.AddOrUpdate(phase, 1, (_, n) => n + 1);
            return inner.CancelAsync(context, cancellationToken);
        }
    }
}
