using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;

namespace KafkaRecon.Operator.Reconciliation;

/// <summary>Everything the planner decides from: the resource as read, what the last action returned, and now.</summary>
internal sealed record PlanInput(
    ResourceIdentity Resource,
    long Generation,
    IReadOnlyDictionary<string, string> Annotations,
    KafkaReconciliationSpec Spec,
    KafkaReconciliationStatus? Status,
    ActionResult? LastResult,
    DateTimeOffset Now);
