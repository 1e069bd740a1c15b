using KafkaRecon.Operator.Engines;

namespace KafkaRecon.Tests.Reconciliation;

/// <summary>
/// A phase engine answering from a script, recording every call. It stands in for the real engines only in driver
/// tests, where what matters is the order of side effects, not the work.
/// </summary>
internal sealed class ScriptedEngine : ICoalescer, ITransformer, IQueryRunner
{
    private readonly Queue<PhaseObservation> _answers = new();

    public List<(string Call, PhaseContext Context)> Calls { get; } = [];

    /// <summary>Checked at every start: lets a test assert what was persisted before the side effect.</summary>
    public Action<PhaseContext>? BeforeStart { get; set; }

    public ScriptedEngine Answer(params PhaseObservation[] observations)
    {
        foreach (var observation in observations)
        {
            _answers.Enqueue(observation);
        }
        return this;
    }

    public Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        BeforeStart?.Invoke(context);
        return Record("start", context);
    }

    public Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken) =>
        Record("poll", context);

    public Task CancelAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        Calls.Add(("cancel", context));
        return Task.CompletedTask;
    }

    private Task<PhaseObservation> Record(string call, PhaseContext context)
    {
        Calls.Add((call, context));
        return Task.FromResult(_answers.Count > 0 ? _answers.Dequeue() : PhaseObservation.Succeeded());
    }
}
