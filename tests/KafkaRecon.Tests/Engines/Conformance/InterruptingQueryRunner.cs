using KafkaRecon.Operator.Engines;

namespace KafkaRecon.Tests.Engines.Conformance;

/// <summary>
/// Records every call the driver makes into the engine's query runner, so a test can see the engine was told to
/// cancel. When <see cref="InterruptAfterStart"/> is set it plays Ctrl-C once the runner has started its queries and
/// they are running.
/// </summary>
internal sealed class InterruptingQueryRunner(IQueryRunner inner, CancellationTokenSource run) : IQueryRunner
{
    private readonly List<string> calls = [];

    public bool InterruptAfterStart { get; set; }

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (calls)
            {
                return calls.ToList();
            }
        }
    }

    public async Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        Record("start");
        var observation = await inner.StartAsync(context, cancellationToken);
        if (InterruptAfterStart && observation.State == ObservedState.Running)
        {
            await run.CancelAsync();
        }
        return observation;
    }

    public Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        Record("poll");
        return inner.PollAsync(context, cancellationToken);
    }

    public Task CancelAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        Record("cancel");
        return inner.CancelAsync(context, cancellationToken);
    }

    private void Record(string call)
    {
        lock (calls)
        {
            calls.Add(call);
        }
    }
}
