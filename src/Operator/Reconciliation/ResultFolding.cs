using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>Folds what the last action observed into the planned status.</summary>
internal static class ResultFolding
{
    public static void Fold(PlanningState state, ActionResult result)
    {
        switch (result)
        {
            case ActionResult.Phase phase:
                FoldPhase(state, phase.RunPhase, phase.Observation);
                break;
            case ActionResult.Cancelled { Cause: CancelCause.TimedOut } cancelled:
                var timeout = cancelled.RunPhase.Timeout(state.Spec.Timeouts);
                FoldPhase(state, cancelled.RunPhase, PhaseObservation.Failed(PhaseFailure.TimedOut,
                    $"{cancelled.RunPhase} did not finish within {timeout}; its work was cancelled"));
                break;
            case ActionResult.Summary summary:
                RunCompletion.Verify(state, summary);
                break;
        }
    }

    private static void FoldPhase(PlanningState state, RunPhase phase, PhaseObservation observation)
    {
        var record = state.Status.Phases.Record(phase);
        if (record is null || record.State is PhaseState.Succeeded or PhaseState.Failed or PhaseState.Skipped)
        {
            return; // a stale observation of a phase already decided
        }
        if (observation.ExternalIds.Count > 0)
        {
            record.ExternalIds = observation.ExternalIds.ToList();
        }
        if (observation.Jobs.Count > 0)
        {
            record.Jobs = observation.Jobs.Take(50).ToList();
        }
        record.OutputLocation = observation.OutputLocation ?? record.OutputLocation;
        state.Status.RunId = observation.RunId ?? state.Status.RunId;
        state.Status.Inputs = observation.Inputs ?? state.Status.Inputs;
        if (observation.Cost is { } cost)
        {
            state.Status.Cost = (state.Status.Cost ?? new RunCost()).Plus(cost);
        }
        switch (observation.State)
        {
            case ObservedState.Running:
                // Work in this process's executor leaves the phase Submitting: a restart must submit it again.
                record.State = observation.InProcess ? record.State : PhaseState.Running;
                record.Message = observation.Message ?? record.Message;
                break;
            case ObservedState.Succeeded:
                record.State = PhaseState.Succeeded;
                record.CompletionTime = state.Now;
                record.Reason = ConditionReasons.Succeeded;
                record.Message = observation.Message;
                state.Condition(phase.ConditionType(), Conditions.True, ConditionReasons.Succeeded,
                    observation.Message ?? $"{phase} succeeded");
                state.Normal($"{phase}Succeeded", observation.Message ?? $"{phase} succeeded");
                break;
            default:
                FoldFailure(state, phase, record, observation);
                break;
        }
    }

    private static void FoldFailure(PlanningState state, RunPhase phase, PhaseRecord record, PhaseObservation observation)
    {
        var failure = observation.Failure ?? PhaseFailure.EngineError;
        var reason = failure.ToString();
        var message = observation.Message ?? $"{phase} failed";
        record.Reason = reason;
        record.Message = message;
        if (observation.Retryable && record.Attempt <= phase.Retries(state.Spec.Retries))
        {
            var delay = RetryBackoff.After(record.Attempt);
            record.Attempt += 1;
            record.IdempotencyKey = state.KeyFor(phase, record.Attempt);
            record.ExternalIds = new List<string>();
            record.State = PhaseState.Pending;
            record.NextAttemptTime = state.Now + delay;
            state.Condition(phase.ConditionType(), Conditions.False, ConditionReasons.RetryScheduled,
                $"{message}; attempt {record.Attempt} in {delay.TotalSeconds:0}s");
            state.Warning($"{phase}Failed", $"{message}; retrying (attempt {record.Attempt}) in {delay.TotalSeconds:0}s");
            return;
        }
        record.State = PhaseState.Failed;
        record.CompletionTime = state.Now;
        state.Condition(phase.ConditionType(), Conditions.False, reason, message);
        state.Warning($"{phase}Failed", message);
        if (failure == PhaseFailure.QueryFailed)
        {
            return; // carry on: verification reads the partial report's summary and fails the run with its totals
        }
        RunCompletion.Fail(state, new RunOutcome.Stalled(phase), $"{phase} failed: {message}");
    }
}

/// <summary>Exponential backoff between attempts of a failed phase: 30 s, 60 s, 120 s … at most 15 min.</summary>
internal static class RetryBackoff
{
    public static TimeSpan After(int failedAttempt) =>
        TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Math.Max(0, failedAttempt - 1)), 900));
}
