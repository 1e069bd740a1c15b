using k8s.Models;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>One condition's value before it is set (type aside).</summary>
internal sealed record ConditionValue(string Status, string Reason, string Message);

/// <summary>The three kstatus conditions of a resource, as <see cref="StatusSummary"/> derives them.</summary>
internal sealed record SummaryConditions(ConditionValue Ready, ConditionValue Reconciling, ConditionValue Stalled);

/// <summary>
/// Flux's summarize step: Ready, Reconciling and Stalled are never set by hand, but derived in one pure function
/// from the run's outcome and its phase conditions (Coalesced, Transformed, Queried, Verified).
/// </summary>
internal static class StatusSummary
{
    private static readonly ConditionValue InProgress = new(Conditions.Unknown, ConditionReasons.Progressing, "Run in progress");
    private static readonly ConditionValue NotStalled = new(Conditions.False, ConditionReasons.Progressing, "");

    public static SummaryConditions Summarize(RunOutcome outcome, IEnumerable<V1Condition> phaseConditions) => outcome switch
    {
        RunOutcome.Progressing progressing => new(
            InProgress, new(Conditions.True, ConditionReasons.Progressing, progressing.Activity), NotStalled),
        RunOutcome.Suspended => new(
            InProgress,
            new(Conditions.False, ConditionReasons.Suspended, "spec.suspend is true: no new work is started until it is false"),
            NotStalled),
        RunOutcome.Verified => new(
            new(Conditions.True, ConditionReasons.VerificationPassed, Verified(phaseConditions)?.Message ?? ""),
            Finished(ConditionReasons.Succeeded),
            new(Conditions.False, ConditionReasons.Succeeded, "")),
        RunOutcome.Unverified unverified => Unverified(Verified(phaseConditions), unverified.Totals),
        RunOutcome.Stalled stalled => Stalled(stalled.Phase, phaseConditions),
        RunOutcome.InvalidSpec invalid => new(
            new(Conditions.False, ConditionReasons.InvalidSpec, invalid.Message),
            new(Conditions.False, ConditionReasons.InvalidSpec, "Fix the spec to run"),
            new(Conditions.True, ConditionReasons.InvalidSpec, invalid.Message)),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown run outcome"),
    };

    /// <summary>Sets the derived conditions on <paramref name="state"/>'s status.</summary>
    public static void Apply(PlanningState state, RunOutcome outcome)
    {
        var summary = Summarize(outcome, state.Status.Conditions);
        Set(state, ConditionTypes.Ready, summary.Ready);
        Set(state, ConditionTypes.Reconciling, summary.Reconciling);
        Set(state, ConditionTypes.Stalled, summary.Stalled);
    }

    private static SummaryConditions Unverified(V1Condition? verified, string totals)
    {
        var reason = verified?.Reason ?? ConditionReasons.Failed;
        var message = verified?.Message is { Length: > 0 } findings ? $"{findings}. {totals}" : totals;
        return new(
            new(Conditions.False, reason, message),
            Finished(ConditionReasons.Failed),
            new(Conditions.False, ConditionReasons.Failed, ""));
    }

    /// <summary>
    /// Ready and Stalled carry the deciding phase condition's own reason (as Flux's summarize does), so a query
    /// timeout reads <c>TimedOut</c> and never looks like a failed report query (<c>QueryFailed</c>).
    /// </summary>
    private static SummaryConditions Stalled(RunPhase phase, IEnumerable<V1Condition> phaseConditions)
    {
        var condition = Conditions.Find(phaseConditions, phase.ConditionType());
        var reason = condition?.Reason is { Length: > 0 } own ? own : ConditionReasons.Failed;
        // Verify has no engine: its condition's message already says what stopped the run.
        var message = phase == RunPhase.Verify
            ? condition?.Message ?? $"{phase} failed"
            : $"{phase} failed: {condition?.Message ?? "no message"}";
        return new(
            new(Conditions.False, reason, message),
            Finished(ConditionReasons.Failed),
            new(Conditions.True, reason, message));
    }

    private static ConditionValue Finished(string reason) => new(Conditions.False, reason, "Run finished");

    private static V1Condition? Verified(IEnumerable<V1Condition> conditions) =>
        Conditions.Find(conditions, ConditionTypes.Verified);

    private static void Set(PlanningState state, string type, ConditionValue value) =>
        state.Condition(type, value.Status, value.Reason, value.Message);
}
