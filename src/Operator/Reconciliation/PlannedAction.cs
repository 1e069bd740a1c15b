namespace KafkaRecon.Operator.Reconciliation;

/// <summary>The one side effect the driver performs next (after persisting the planned status).</summary>
internal abstract record PlannedAction
{
    private PlannedAction() { }

    /// <summary>Nothing to do now; come back after <see cref="Plan.RequeueAfter"/> or never.</summary>
    public sealed record Wait : PlannedAction;

    /// <summary>Submit the phase's work (or find it already submitted under the recorded idempotency key).</summary>
    public sealed record StartPhase(RunPhase Phase) : PlannedAction;

    public sealed record PollPhase(RunPhase Phase) : PlannedAction;

    public sealed record CancelPhase(RunPhase Phase, CancelCause Cause) : PlannedAction;

    /// <summary>Read the run's report summary for verification.</summary>
    public sealed record ReadSummary : PlannedAction;

    /// <summary>List the manifest locations and look for the markers, to decide whether the run may start.</summary>
    public sealed record ObserveInputs : PlannedAction;

    /// <summary>Send the outcome notification recorded in status.notification.</summary>
    public sealed record Notify : PlannedAction;
}
