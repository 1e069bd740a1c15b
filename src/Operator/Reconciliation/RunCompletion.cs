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
            record.Reason = "SummaryUnavailable";
            record.Message = result.Error;
            state.Condition(ConditionTypes.Verified, Conditions.False, "SummaryUnavailable",
                $"The report summary could not be read: {result.Error}");
            Fail(state, "SummaryUnavailable", $"The report summary could not be read: {result.Error}", stalled: true);
            return;
        }
        state.Status.Results = ResultsProjection.Results(summary);
        state.Status.TopCollections = ResultsProjection.TopCollections(summary);
        var findings = VerificationPolicy.Evaluate(
            new VerificationInput(summary.Totals, state.Spec.Verification, summary.FailedQueries));
        record.State = PhaseState.Succeeded;
        record.CompletionTime = state.Now;
        record.OutputLocation = summary.ReportLocation;
        var totals = Describe(summary.Totals);
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
        Fail(state, findings[0].Reason, $"{message}. {totals}", stalled: false);
    }

    public static void Succeed(PlanningState state, string message)
    {
        state.Status.Phase = ReconciliationPhase.Succeeded;
        state.Status.CompletionTime = state.Now;
        state.Condition(ConditionTypes.Ready, Conditions.True, ConditionReasons.VerificationPassed, message);
        state.Condition(ConditionTypes.Reconciling, Conditions.False, ConditionReasons.Succeeded, "Run finished");
        state.Condition(ConditionTypes.Stalled, Conditions.False, ConditionReasons.Succeeded, "");
        state.Normal("RunSucceeded", message);
    }

    /// <summary>
    /// Ends the run as Failed. <paramref name="stalled"/>: the run could not complete (engine failure, bad input) and
    /// needs a person; a verification failure is a completed run with a bad answer, not a stalled one.
    /// </summary>
    public static void Fail(PlanningState state, string reason, string message, bool stalled)
    {
        state.Status.Phase = ReconciliationPhase.Failed;
        state.Status.CompletionTime = state.Now;
        state.Condition(ConditionTypes.Ready, Conditions.False, reason, message);
        state.Condition(ConditionTypes.Reconciling, Conditions.False, ConditionReasons.Failed, "Run finished");
        state.Condition(ConditionTypes.Stalled, stalled ? Conditions.True : Conditions.False,
            stalled ? reason : ConditionReasons.Failed, stalled ? message : "");
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
        state.Condition(ConditionTypes.Stalled, Conditions.True, ConditionReasons.InvalidSpec, message);
        state.Condition(ConditionTypes.Ready, Conditions.False, ConditionReasons.InvalidSpec, message);
        state.Condition(ConditionTypes.Reconciling, Conditions.False, ConditionReasons.InvalidSpec, "Fix the spec to run");
        state.Warning(ConditionReasons.InvalidSpec, message);
        return state.Finished();
    }

    private static string Describe(Reports.ReportTotals t) =>
        $"imported {t.Imported}, exported {t.Exported}, missing exports {t.MissingExports}, " +
        $"missing imports {t.MissingImports}, mismatched timestamps {t.MismatchedTimestamps}, " +
        $"missing collections {t.MissingCollections}, missing databases {t.MissingDatabases}";
}
