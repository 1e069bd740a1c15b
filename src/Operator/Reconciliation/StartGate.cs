using System.Globalization;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>
/// Holds a run in phase Waiting until <see cref="StartDecision"/> lets it start: records what it waits for in
/// status.waiting and the InputsReady condition, asks for a look at the inputs when one is needed, and requeues at
/// the time the decision names (never a busy loop).
/// </summary>
internal static class StartGate
{
    /// <summary>True while a run with start conditions has not been let start and has begun no phase.</summary>
    public static bool Holds(PlanningState state) =>
        state.Spec.Start.HasConditions() && state.Status.Waiting?.ReadyTime is null &&
        RunPhases.InOrder.All(phase => state.Status.Phases.Record(phase) is null);

    /// <summary>The plan while the gate holds; null once it opened in this step (the first phase goes next).</summary>
    public static Plan? Next(PlanningState state)
    {
        var waiting = state.Status.Waiting ??= new WaitingStatus { Since = state.Now };
        var observation = (state.Input.LastResult as ActionResult.InputsObserved)?.Observation;
        switch (StartDecision.Decide(state.Spec.Start, state.Status.Window!, waiting.Since, observation, state.Now))
        {
            case StartVerdict.Observe:
                return state.Then(new PlannedAction.ObserveInputs());
            case StartVerdict.Wait wait:
                var message = "Waiting for " + string.Join("; ", wait.WaitingFor) +
                              (wait.Deadline is { } deadline ? $"; starts anyway at {Time(deadline)} (spec.start.maxWait)" : "");
                if (state.Status.Phase != ReconciliationPhase.Waiting)
                {
                    state.Normal("Waiting", message);
                }
                state.Status.Phase = ReconciliationPhase.Waiting;
                waiting.WaitingFor = wait.WaitingFor.ToList();
                waiting.Deadline = wait.Deadline;
                waiting.NextCheckTime = wait.NextCheck;
                state.Condition(ConditionTypes.InputsReady, Conditions.False, ConditionReasons.WaitingForInputs, message);
                return state.WaitFor(wait.NextCheck - state.Now);
            case StartVerdict.Go go:
                Open(state, waiting, go);
                return null;
            default:
                throw new InvalidOperationException("Unknown start verdict");
        }
    }

    private static void Open(PlanningState state, WaitingStatus waiting, StartVerdict.Go go)
    {
        waiting.ReadyTime = state.Now;
        waiting.TimedOut = go.TimedOut;
        waiting.WaitingFor = go.Unmet.ToList();
        waiting.NextCheckTime = null;
        state.Status.Phase = ReconciliationPhase.Pending;
        var waited = state.Now - waiting.Since;
        if (go.TimedOut)
        {
            var message = $"spec.start.maxWait ({state.Spec.Start.MaxWait}) ran out; the run starts with inputs that " +
                          $"may be incomplete, still waiting for {string.Join("; ", go.Unmet)}";
            state.Condition(ConditionTypes.InputsReady, Conditions.False, ConditionReasons.WaitTimedOut, message);
            state.Warning(ConditionReasons.WaitTimedOut, message);
            return;
        }
        var ready = $"Inputs complete after waiting {waited.TotalMinutes:0} min";
        state.Condition(ConditionTypes.InputsReady, Conditions.True, ConditionReasons.InputsComplete, ready);
        state.Normal("InputsReady", ready);
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
