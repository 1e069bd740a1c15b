using KafkaRecon.Entities;
using KafkaRecon.Entities.Validation;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>
/// The phase state machine as one pure function: (spec, status, last action's result, now) → (new status, next
/// action). No I/O; the driver persists the status before it performs the action, so every side effect is recorded
/// (with its idempotency key) before it happens and a restarted operator resumes from status alone.
/// </summary>
internal static class PhasePlanner
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(30);

    public static Plan Plan(PlanInput input)
    {
        var state = new PlanningState(input);
        var plan = Step(state);
        if (OutcomeOf(state) is { } outcome)
        {
            StatusSummary.Apply(state, outcome);
        }
        return plan;
    }

    /// <summary>
    /// The outcome the summary conditions are derived from: how the run ended in this step, or, while it runs,
    /// whether it is suspended or progressing. A run that ended in an earlier step keeps its summary.
    /// </summary>
    private static RunOutcome? OutcomeOf(PlanningState state)
    {
        if (state.Ending is { } ending)
        {
            return ending;
        }
        if (state.IsFinal || !state.HasStarted)
        {
            return null;
        }
        if (state.Spec.Suspend)
        {
            return new RunOutcome.Suspended();
        }
        if (state.Status.Phase == ReconciliationPhase.Queued)
        {
            return new RunOutcome.Progressing("Waiting for a run slot");
        }
        if (state.Status.Phase == ReconciliationPhase.Waiting)
        {
            return new RunOutcome.Progressing(
                "Waiting for " + string.Join("; ", state.Status.Waiting?.WaitingFor ?? new List<string>()));
        }
        var active = RunPhases.InOrder.Where(phase => phase.DisplayPhase() == state.Status.Phase).ToList();
        return new RunOutcome.Progressing(active.Count > 0 ? $"{active[0]} in progress" : "Run started");
    }

    private static Plan Step(PlanningState state)
    {
        var input = state.Input;
        if (SpecChangeNeedsCancel(state) is { } cancel)
        {
            return cancel;
        }
        ApplySpecChange(state);
        ApplyRerunRequest(state);
        state.Status.ObservedGeneration = input.Generation;

        if (state.IsFinal)
        {
            var settled = input.LastResult is ActionResult.Notification notification
                ? NotificationStep.Fold(state, notification)
                : NotificationStep.Next(state);
            return settled.IsFinished ? RecheckStep.Next(state) ?? settled : settled;
        }
        if (SpecValidator.Validate(input.Spec) is { Count: > 0 } errors)
        {
            return RunCompletion.Invalid(state, errors);
        }
        if (!state.HasStarted)
        {
            Begin(state);
        }
        if (input.Spec.Suspend)
        {
            return Suspend(state);
        }
        if (input.LastResult is { } result)
        {
            ResultFolding.Fold(state, result);
            if (state.IsFinal)
            {
                RecheckStep.Record(state);
                return NotificationStep.Next(state);
            }
        }
        if (StartGate.Holds(state) && StartGate.Next(state) is { } waiting)
        {
            return waiting;
        }
        return PhaseAdvance.Next(state);
    }

    private static void Begin(PlanningState state)
    {
        var window = WindowResolver.Resolve(state.Spec.Window, state.Now);
        state.Status.Window = window;
        state.Status.RunId = WindowResolver.RunId(state.Input.Resource.Name, window, state.Status.Attempt);
        state.Status.StartTime = state.Now;
        state.Status.Phase = ReconciliationPhase.Pending;
        state.Normal("RunStarted",
            $"Reconciling {window.Start:O} to {window.End:O} (margin {window.MarginMinutes} min) as {state.Status.RunId}");
    }

    private static Plan Suspend(PlanningState state)
    {
        if (!Conditions.IsTrue(state.Status.Conditions, ConditionTypes.Reconciling) &&
            Conditions.Find(state.Status.Conditions, ConditionTypes.Reconciling)?.Reason == ConditionReasons.Suspended)
        {
            return state.Finished();
        }
        state.Normal(ConditionReasons.Suspended, "Run suspended");
        return state.Finished();
    }

    /// <summary>
    /// A spec change (new generation) while a run is in flight restarts the run: the phase's external work is
    /// cancelled first, then every phase starts again under a new run attempt (new keys, new run id).
    /// </summary>
    private static Plan? SpecChangeNeedsCancel(PlanningState state)
    {
        if (!SpecChangedWhileRunning(state) || state.Input.LastResult is ActionResult.Cancelled)
        {
            return null;
        }
        var active = RunPhases.InOrder.FirstOrDefault(p =>
            state.Status.Phases.Record(p) is { State: PhaseState.Running or PhaseState.Submitting });
        if (state.Status.Phases.Record(active) is not { State: PhaseState.Running or PhaseState.Submitting })
        {
            return null;
        }
        return state.Then(new PlannedAction.CancelPhase(active, CancelCause.SpecChanged));
    }

    private static bool SpecChangedWhileRunning(PlanningState state) =>
        state.Status.ObservedGeneration is { } observed && observed != state.Input.Generation &&
        state.HasStarted && !state.IsFinal;

    private static void ApplySpecChange(PlanningState state)
    {
        if (state.Status.ObservedGeneration is not { } observed || observed == state.Input.Generation)
        {
            return;
        }
        if (state.IsFinal && !state.HasStarted)
        {
            state.Status.Phase = ReconciliationPhase.Pending; // the spec was rejected before; try the new one
            return;
        }
        if (state.IsFinal)
        {
            state.Normal(ConditionReasons.SpecChanged,
                $"Spec changed after the run finished; annotate {WellKnown.RerunAnnotation}=<token> to run it again");
            return;
        }
        if (state.HasStarted)
        {
            Restart(state, keepWindow: false);
            state.Normal(ConditionReasons.SpecChanged,
                $"Spec changed (generation {observed} → {state.Input.Generation}): restarting the run");
        }
    }

    private static void ApplyRerunRequest(PlanningState state)
    {
        if (!state.Input.Annotations.TryGetValue(WellKnown.RerunAnnotation, out var token) ||
            string.IsNullOrEmpty(token) || token == state.Status.LastRerunToken)
        {
            return;
        }
        if (state.HasStarted && !state.IsFinal)
        {
            return; // honoured once the current run finishes
        }
        state.Status.LastRerunToken = token;
        if (state.HasStarted)
        {
            Restart(state, keepWindow: true);
            state.Normal("Rerun", $"Re-running for {WellKnown.RerunAnnotation}={token}");
        }
    }

    /// <summary>Forgets the run's progress under a new attempt; a re-run keeps the window it reconciled.</summary>
    private static void Restart(PlanningState state, bool keepWindow)
    {
        var status = state.Status;
        status.Attempt += 1;
        status.Phases = new PhaseRecords();
        status.Results = null;
        status.Inputs = null;
        status.Cost = null;
        status.TopCollections.Clear();
        status.Notification = null;
        status.CompletionTime = null;
        status.Waiting = null;
        status.Checks.Clear();
        status.NextCheckTime = null;
        status.Phase = ReconciliationPhase.Pending;
        if (keepWindow && status.Window is { } window)
        {
            status.RunId = WindowResolver.RunId(state.Input.Resource.Name, window, status.Attempt);
            status.StartTime = state.Now;
        }
        else
        {
            status.Window = null;
            status.RunId = null;
        }
        foreach (var type in RunPhases.InOrder.Select(phase => phase.ConditionType()).Append(ConditionTypes.InputsReady))
        {
            var condition = Conditions.Find(status.Conditions, type);
            if (condition is not null)
            {
                status.Conditions.Remove(condition);
            }
        }
    }
}
