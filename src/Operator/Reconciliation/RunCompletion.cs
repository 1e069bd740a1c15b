using KafkaRecon.Entities;
using KafkaRecon.Entities.Validation;
using KafkaRecon.Operator.Verification;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>How a run ends: verified, failed verification, failed in a phase, or rejected as invalid.</summary>
internal static class RunCompletion
{
    public static void Verify(PlanningState state, ActionResult.Summary result)
    {
        var record = state.Status.Phases.Verify ??= new PhaseRecord { StartTime = state.Now };
        if (result.Report is not { } summary)
        {
            record.State = PhaseState.Failed;
            record.CompletionTime = state.Now;
            record.Reason = ConditionReasons.SummaryUnavailable;
            record.Message = result.Error;
            state.Condition(ConditionTypes.Verified, Conditions.False, ConditionReasons.SummaryUnavailable,
                $"The report summary could not be read: {result.Error}");
            Fail(state, new RunOutcome.Stalled(RunPhase.Verify), $"The report summary could not be read: {result.Error}");
            return;
        }
        state.Status.Results = ResultsProjection.Results(summary);
        state.Status.TopCollections = ResultsProjection.TopCollections(summary);
        var findings = VerificationPolicy.Evaluate(VerificationInput.From(summary, state.Spec.Verification));
        state.Status.Results.DecidedBy = findings.Count > 0 ? findings[0].Rule : null;
        state.Status.Results.IgnoredCollections =
            CollectionRuleMatch.Of(summary.Collections, state.Spec.Verification.Collections).Ignored.Count;
        record.State = PhaseState.Succeeded;
        record.CompletionTime = state.Now;
        record.OutputLocation = summary.ReportLocation;
        var totals = summary.Totals.Describe();
        if (findings.Count == 0)
        {
            record.Reason = ConditionReasons.VerificationPassed;
            record.Message = totals;
            state.Condition(ConditionTypes.Verified, Conditions.True, ConditionReasons.VerificationPassed, totals);
            Succeed(state, totals);
            return;
        }
        var message = string.Join("; ", findings.Select(f => f.Message));
        record.Reason = findings[0].Reason;
        record.Message = message;
        state.Condition(ConditionTypes.Verified, Conditions.False, findings[0].Reason, message);
        Fail(state, new RunOutcome.Unverified(totals), $"{message}. {totals}");
    }

    private static void Succeed(PlanningState state, string totals)
    {
        state.Status.Phase = ReconciliationPhase.Succeeded;
        state.Status.CompletionTime = state.Now;
        state.Ending = new RunOutcome.Verified();
        state.Normal("RunSucceeded", totals);
    }

    /// <summary>
    /// Ends the run as Failed: <see cref="RunOutcome.Stalled"/> when it could not complete (engine failure) and needs
    /// a person; <see cref="RunOutcome.Unverified"/> when it completed with a bad answer.
    /// </summary>
    public static void Fail(PlanningState state, RunOutcome ending, string message)
    {
        state.Status.Phase = ReconciliationPhase.Failed;
        state.Status.CompletionTime = state.Now;
        state.Ending = ending;
        state.Warning("RunFailed", message);
    }

    public static Plan Invalid(PlanningState state, IReadOnlyList<SpecError> errors)
    {
        var message = "Invalid spec: " + string.Join("; ", errors);
        var stalled = Conditions.Find(state.Status.Conditions, ConditionTypes.Stalled);
        if (stalled is { Status: Conditions.True, Reason: ConditionReasons.InvalidSpec } && stalled.Message == message)
        {
            return state.Finished();
        }
        state.Status.Phase = ReconciliationPhase.Failed;
        state.Ending = new RunOutcome.InvalidSpec(message);
        state.Warning(ConditionReasons.InvalidSpec, message);
        return state.Finished();
    }
}
