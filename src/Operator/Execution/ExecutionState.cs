using KafkaRecon.Operator.Engines;

namespace KafkaRecon.Operator.Execution;

/// <summary>Where one piece of work submitted to the <see cref="RunExecutor"/> stands.</summary>
internal abstract record ExecutionState
{
    private ExecutionState() { }

    /// <summary>Waiting for a slot: <paramref name="Position"/> is 1 for the next to start, of <paramref name="Waiting"/>.</summary>
    public sealed record Queued(int Position, int Waiting, int Slots) : ExecutionState;

    public sealed record Running : ExecutionState;

    /// <summary>The work ended; <paramref name="Observation"/> is what it returned (or its failure).</summary>
    public sealed record Finished(PhaseObservation Observation) : ExecutionState;
}
