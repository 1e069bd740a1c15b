using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Reports;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>What an executed action observed, fed back into the planner.</summary>
internal abstract record ActionResult
{
    private ActionResult() { }

    public sealed record Phase(RunPhase RunPhase, PhaseObservation Observation) : ActionResult;

    public sealed record Cancelled(RunPhase RunPhase, CancelCause Cause) : ActionResult;

    public sealed record Summary(ReportSummary? Report, string? Error) : ActionResult;

    public sealed record Notification(bool Sent, string? Error) : ActionResult;

    /// <summary>What the manifest locations and markers looked like (spec.start).</summary>
    public sealed record InputsObserved(Inputs.InputObservation Observation) : ActionResult;
}
