using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>
/// Keeps status.checks and runs the rechecks: each verdict is appended as a check, and when the next recheck is due
/// the window is compared again (transform, query and verify; coalesce is kept) under a check-numbered run id, so
/// its tables are fresh and its keys new.
/// </summary>
internal static class RecheckStep
{
    /// <summary>Appends the check that ended in this step: a verdict, or a recheck that could not complete.</summary>
    public static void Record(PlanningState state)
    {
        var status = state.Status;
        var compared = state.Ending is RunOutcome.Verified or RunOutcome.Unverified;
        if (!compared && status.Checks.Count == 0)
        {
            return; // the first run failed before a verdict: there is nothing to recheck
        }
        var previous = RecheckSchedule.LastCompared(status.Checks.ToList());
        var missingExports = compared ? status.Results?.MissingExports : null;
        var missingImports = compared ? status.Results?.MissingImports : null;
        var check = new CheckRecord
        {
            Number = status.Checks.Count + 1,
            Time = state.Now,
            RunId = status.RunId,
            Verdict = status.Phase.ToString(),
            Reason = state.Ending switch
            {
                RunOutcome.Unverified => status.Phases.Verify?.Reason,
                RunOutcome.Stalled stalled => status.Phases.Record(stalled.Phase)?.Reason,
                _ => null,
            },
            MissingExports = missingExports,
            MissingImports = missingImports,
            Recovered = RecheckSchedule.Recovered(previous, missingExports, missingImports),
        };
        status.Checks.Add(check);
        status.NextCheckTime = RecheckSchedule.NextDue(state.Spec.Recheck, status.Checks.ToList());
        if (check.Recovered > 0)
        {
            state.Normal("LateRecordsRecovered", $"Check {check.Number}: recovered: {check.Recovered:N0} records arrived late");
        }
    }

    /// <summary>For a finished run: wait for the next recheck, or begin it; null when none is left.</summary>
    public static Plan? Next(PlanningState state)
    {
        var due = RecheckSchedule.NextDue(state.Spec.Recheck, state.Status.Checks.ToList());
        state.Status.NextCheckTime = due;
        if (due is null || state.Spec.Suspend || state.Status.Notification?.State == NotificationStep.Sending)
        {
            return null;
        }
        if (due > state.Now)
        {
            return state.WaitFor(due.Value - state.Now);
        }
        Begin(state);
        return PhaseAdvance.Next(state);
    }

    private static void Begin(PlanningState state)
    {
        var status = state.Status;
        var number = status.Checks.Count + 1;
        foreach (var phase in new[] { RunPhase.Transform, RunPhase.Query, RunPhase.Verify })
        {
            status.Phases.SetRecord(phase, null);
            if (Conditions.Find(status.Conditions, phase.ConditionType()) is { } condition)
            {
                status.Conditions.Remove(condition);
            }
        }
        status.RunId = $"{WindowResolver.RunId(state.Input.Resource.Name, status.Window!, status.Attempt)}-c{number}";
        status.NextCheckTime = null;
        status.StartTime = state.Now;
        status.CompletionTime = null;
        status.Phase = ReconciliationPhase.Pending;
        state.Normal("RecheckStarted",
            $"Check {number} of {state.Spec.Recheck.After.Count + 1} ({state.Spec.Recheck.After[number - 2]} after the " +
            "first verdict): comparing the window again for records that arrived late");
    }
}
