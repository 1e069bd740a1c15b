using KafkaRecon.Operator.Engines;

namespace KafkaRecon.Tests.Engines.Conformance;

/// <summary>Plays Ctrl-C: the first call into the query runner cancels the run's token before the runner works.</summary>
internal sealed class InterruptingQueryRunner(IQueryRunner inner, CancellationTokenSource run) : IQueryRunner
{
    public List<string> Calls { get; } = [];

    public Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        Calls.Add("start");
        run.Cancel();
        return inner.StartAsync(context, cancellationToken);
    }

    public Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        Calls.Add("poll");
        run.Cancel();
        return inner.PollAsync(context, cancellationToken);
    }

    public Task CancelAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        Calls.Add("cancel");
        return inner.CancelAsync(context, cancellationToken);
    }
}
