namespace KafkaRecon.Operator.Metrics;

/// <summary>The <c>result</c> label of <c>controller_runtime_reconcile_total</c>, as controller-runtime spells it.</summary>
internal enum ReconcileResult
{
    Success,
    Error,
    Requeue,
    RequeueAfter,
}
