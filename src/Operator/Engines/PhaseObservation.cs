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

    /// <summary>CamelCase reason for a failure or a notable state (becomes a condition reason).</summary>
    public string? Reason { get; init; }

    public string? Message { get; init; }

    /// <summary>False when retrying cannot help (bad input); the run then fails at once.</summary>
    public bool Retryable { get; init; } = true;

    /// <summary>When still running: how long until the next poll is worthwhile.</summary>
    public TimeSpan? PollAfter { get; init; }

    public string? OutputLocation { get; init; }

    public IReadOnlyList<JobSummary> Jobs { get; init; } = [];

    public static PhaseObservation Running(IReadOnlyList<string> externalIds, TimeSpan pollAfter) =>
        new(ObservedState.Running) { ExternalIds = externalIds, PollAfter = pollAfter };

    public static PhaseObservation Succeeded(string? outputLocation = null, IReadOnlyList<string>? externalIds = null) =>
        new(ObservedState.Succeeded) { OutputLocation = outputLocation, ExternalIds = externalIds ?? [] };

    public static PhaseObservation Failed(string reason, string message, bool retryable = true) =>
        new(ObservedState.Failed) { Reason = reason, Message = message, Retryable = retryable };
}
