using k8s;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>The status being planned (a copy: the input is never mutated) and the events collected on the way.</summary>
internal sealed class PlanningState(PlanInput input)
{
    public PlanInput Input { get; } = input;

    public KafkaReconciliationStatus Status { get; } = Clone(input.Status) ?? new KafkaReconciliationStatus();

    public List<PlannedEvent> Events { get; } = [];

    public DateTimeOffset Now => Input.Now;

    public KafkaReconciliationSpec Spec => Input.Spec;

    public bool IsFinal => Status.Phase is ReconciliationPhase.Succeeded or ReconciliationPhase.Failed
        or ReconciliationPhase.Cancelled;

    public bool HasStarted => Status.Window is not null;

    /// <summary>How the run ended in this step, if it did; the summary conditions are derived from it.</summary>
    public RunOutcome? Ending { get; set; }

    public void Condition(string type, string status, string reason, string message) =>
        Conditions.Set(Status.Conditions, type, status, reason, message, Input.Generation, Now);

    public void Normal(string reason, string message) => Events.Add(new(EventSeverity.Normal, reason, message));

    public void Warning(string reason, string message) => Events.Add(new(EventSeverity.Warning, reason, message));

    public Plan Then(PlannedAction action, TimeSpan? requeueAfter = null) => new(Status, action, requeueAfter, Events);

    public Plan Finished() => new(Status, new PlannedAction.Wait(), null, Events);

    public Plan WaitFor(TimeSpan delay) => new(Status, new PlannedAction.Wait(), delay, Events);

    public string KeyFor(RunPhase phase, int phaseAttempt) =>
        IdempotencyKeys.For(Input.Resource, phase, Status.Attempt, phaseAttempt, Status.Checks.Count + 1);

    private static KafkaReconciliationStatus? Clone(KafkaReconciliationStatus? status) =>
        status is null ? null : KubernetesJson.Deserialize<KafkaReconciliationStatus>(KubernetesJson.Serialize(status));
}
