using KafkaRecon.Operator.Reconciliation;

namespace KafkaRecon.Operator.Kubernetes.Events;

/// <summary>Repeats of the same event on the same object are folded into one Event with a count.</summary>
internal readonly record struct EventAggregationKey(
    string Namespace, string Uid, EventSeverity Severity, string Reason, string Message);
