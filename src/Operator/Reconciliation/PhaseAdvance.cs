using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>Picks the first unfinished phase and the action that moves it on.</summary>
internal static class PhaseAdvance
{
    public static Plan Next(PlanningState state)
    {
        foreach (var phase in RunPhases.InOrder)
        {
            var record = state.Status.Phases.Record(phase);
            if (record is { State: PhaseState.Succeeded or PhaseState.Skipped or PhaseState.Failed })
            {
                continue; // a Failed phase here is one the run carries on past (a partial report)
            }
            if (phase == RunPhase.Coalesce && !state.Spec.Coalesce.Enabled && record is null)
            {
                Skip(state, phase, "spec.coalesce.enabled is false");
                continue;
            }
            return record is null ? Begin(state, phase) : Continue(state, phase, record);
        }
        throw new InvalidOperationException("Every phase finished but the run is not final: a planner defect.");
    }

    private static Plan Begin(PlanningState state, RunPhase phase)
    {
        var record = new PhaseRecord
        {
            Attempt = 1,
            IdempotencyKey = state.KeyFor(phase, 1),
            StartTime = state.Now,
            State = phase == RunPhase.Verify ? PhaseState.Running : PhaseState.Submitting,
        };
        state.Status.Phases.SetRecord(phase, record);
        state.Status.Phase = phase.DisplayPhase();
        state.Condition(phase.ConditionType(), Conditions.Unknown, ConditionReasons.Progressing, $"{phase} started");
        state.Normal($"{phase}Started", $"{phase} started (attempt 1)");
        return phase == RunPhase.Verify
            ? state.Then(new PlannedAction.ReadSummary())
            : state.Then(new PlannedAction.StartPhase(phase));
    }

    private static Plan Continue(PlanningState state, RunPhase phase, PhaseRecord record)
    {
        if (!(state.Status.Phase == ReconciliationPhase.Queued && record.State is PhaseState.Running or PhaseState.Submitting))
        {
            state.Status.Phase = phase.DisplayPhase(); // Queued stays until an observation says the work started
        }
        if (phase == RunPhase.Verify)
        {
            return state.Then(new PlannedAction.ReadSummary());
        }
        switch (record.State)
        {
            case PhaseState.Submitting when !RunsInProcess(state, phase):
                return PastTimeout(state, phase, record)
                    ? state.Then(new PlannedAction.CancelPhase(phase, CancelCause.TimedOut))
                    : state.Then(new PlannedAction.StartPhase(phase)); // in-process work: asks where it stands
            case PhaseState.Pending when record.NextAttemptTime is { } next && next > state.Now:
                return state.WaitFor(next - state.Now);
            case PhaseState.Pending:
                record.State = PhaseState.Submitting;
                record.StartTime = state.Now;
                record.NextAttemptTime = null;
                state.Normal($"{phase}Started", $"{phase} started (attempt {record.Attempt})");
                return state.Then(new PlannedAction.StartPhase(phase));
            default:
                return ContinueRunning(state, phase, record);
        }
    }

    /// <summary>The last start of <paramref name="phase"/> found its work queued or running in this process.</summary>
    private static bool RunsInProcess(PlanningState state, RunPhase phase) =>
        state.Input.LastResult is ActionResult.Phase { Observation.InProcess: true } last && last.RunPhase == phase;

    private static bool PastTimeout(PlanningState state, RunPhase phase, PhaseRecord record) =>
        phase.Timeout(state.Spec.Timeouts) is { } timeout && record.StartTime is { } started && state.Now - started > timeout;

    private static Plan ContinueRunning(PlanningState state, RunPhase phase, PhaseRecord record)
    {
        if (PastTimeout(state, phase, record))
        {
            return state.Then(new PlannedAction.CancelPhase(phase, CancelCause.TimedOut));
        }
        if (state.Input.LastResult is ActionResult.Phase { Observation.State: Engines.ObservedState.Running } running &&
            running.RunPhase == phase)
        {
            ShowQueuePlace(state, phase, running.Observation);
            var pollAfter = running.Observation.PollAfter ?? PhasePlanner.DefaultPollInterval;
            if (phase.Timeout(state.Spec.Timeouts) is { } limit && record.StartTime is { } start)
            {
                var untilTimeout = start + limit - state.Now + TimeSpan.FromSeconds(1);
                pollAfter = untilTimeout < pollAfter ? untilTimeout : pollAfter;
            }
            return state.WaitFor(pollAfter);
        }
        return state.Then(new PlannedAction.PollPhase(phase));
    }

    /// <summary>
    /// A phase whose work waits for a run slot shows phase Queued and its place in the phase's condition; once the
    /// work is observed running the phase shows again, and the condition says it is in progress.
    /// </summary>
    private static void ShowQueuePlace(PlanningState state, RunPhase phase, Engines.PhaseObservation observation)
    {
        var condition = Conditions.Find(state.Status.Conditions, phase.ConditionType());
        if (observation.Queue is { } place)
        {
            state.Status.Phase = ReconciliationPhase.Queued;
            state.Condition(phase.ConditionType(), Conditions.Unknown, ConditionReasons.Queued, $"{phase} {place}");
        }
        else if (condition?.Reason == ConditionReasons.Queued)
        {
            state.Status.Phase = phase.DisplayPhase();
            state.Condition(phase.ConditionType(), Conditions.Unknown, ConditionReasons.Progressing, $"{phase} running");
        }
    }

    private static void Skip(PlanningState state, RunPhase phase, string why)
    {
        state.Status.Phases.SetRecord(phase, new PhaseRecord
        {
            State = PhaseState.Skipped, StartTime = state.Now, CompletionTime = state.Now, Message = why,
        });
        state.Condition(phase.ConditionType(), Conditions.True, ConditionReasons.Skipped, why);
    }
}
