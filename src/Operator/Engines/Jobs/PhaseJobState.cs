using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Engines.Jobs;

/// <summary>Where a phase's Job stands, read from the Job and its pod's termination; see <see cref="PhaseJobStates"/>.</summary>
internal abstract record PhaseJobState
{
    private PhaseJobState()
    {
    }

    /// <summary>No Job by the phase's name: deleted by someone, or by its TTL after a long operator outage.</summary>
    public sealed record Missing : PhaseJobState;

    public sealed record Running : PhaseJobState;

    /// <summary>The Job completed; <paramref name="Result"/> is what its pod reported (null if nothing readable).</summary>
    public sealed record Completed(PhaseJobResult? Result) : PhaseJobState;

    public sealed record Failed(PhaseFailure Failure, string Message, bool Retryable) : PhaseJobState;
}
