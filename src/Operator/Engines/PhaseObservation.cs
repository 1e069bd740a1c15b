using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Engines;

public enum ObservedState
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>What an engine saw of its phase's work. Pure data, fed to the PhasePlanner.</summary>
internal sealed record PhaseObservation(ObservedState State)
{
    /// <summary>Ids of the external work; recorded in status so a restarted operator resumes it.</summary>
    public IReadOnlyList<string> ExternalIds { get; init; } = [];

    /// <summary>Why the phase failed; set exactly when <see cref="State"/> is Failed.</summary>
    public PhaseFailure? Failure { get; init; }

    /// <summary>Why a running phase waits longer than usual before its next poll.</summary>
    public PhaseDelay? Delay { get; init; }

    /// <summary>The failure or delay as a condition reason (CamelCase), for status and messages.</summary>
    public string? Reason => Failure?.ToString() ?? Delay?.ToString();

    public string? Message { get; init; }

    /// <summary>False when retrying cannot help (bad input); the run then fails at once.</summary>
    public bool Retryable { get; init; } = true;

    /// <summary>When still running: how long until the next poll is worthwhile.</summary>
    public TimeSpan? PollAfter { get; init; }

    public string? OutputLocation { get; init; }

    /// <summary>The run id the phase's results are kept under, when the phase fixed it (the fingerprinted run).</summary>
    public string? RunId { get; init; }

    /// <summary>The run's input listing totals, when the phase listed the inputs.</summary>
    public RunInputs? Inputs { get; init; }

    /// <summary>Set while the phase's work waits for a slot in this process's run executor.</summary>
    public QueuePlace? Queue { get; init; }

    /// <summary>
    /// The work is queued or running inside this process (the run executor), not as external work: the phase stays
    /// Submitting, because a restarted operator does not have it and must submit it again (it is idempotent).
    /// </summary>
    public bool InProcess { get; init; }

    public IReadOnlyList<JobSummary> Jobs { get; init; } = [];

    /// <summary>The phase's whole AWS usage, when its work ended on AWS.</summary>
    public RunCost? Cost { get; init; }

    public static PhaseObservation Running(IReadOnlyList<string> externalIds, TimeSpan pollAfter) =>
        new(ObservedState.Running) { ExternalIds = externalIds, PollAfter = pollAfter };

    public static PhaseObservation Queued(QueuePlace place, TimeSpan pollAfter) =>
        new(ObservedState.Running) { Queue = place, PollAfter = pollAfter, Message = $"Waiting: {place}", InProcess = true };

    public static PhaseObservation RunningInProcess(TimeSpan pollAfter) =>
        new(ObservedState.Running) { PollAfter = pollAfter, Message = "Running in the operator", InProcess = true };

    public static PhaseObservation Succeeded(string? outputLocation = null, IReadOnlyList<string>? externalIds = null) =>
        new(ObservedState.Succeeded) { OutputLocation = outputLocation, ExternalIds = externalIds ?? [] };

    public static PhaseObservation Failed(PhaseFailure failure, string message, bool retryable = true) =>
        new(ObservedState.Failed) { Failure = failure, Message = message, Retryable = retryable };
}
