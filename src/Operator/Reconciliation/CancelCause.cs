namespace KafkaRecon.Operator.Reconciliation;

/// <summary>Why the planner cancels a phase's running work: the closed set the driver and the fold agree on.</summary>
internal enum CancelCause
{
    /// <summary>The phase ran past its timeout; its cancellation fails the attempt with <c>TimedOut</c>.</summary>
    TimedOut,
    /// <summary>The spec changed while the phase ran; the run starts over.</summary>
    SpecChanged,
}
