namespace KafkaRecon.Operator.Reconciliation;

/// <summary>What one reconcile pass asks of its caller: come back after a delay, at once, or never.</summary>
internal sealed record ReconcileOutcome(TimeSpan? RequeueAfter, bool Finished)
{
    public static ReconcileOutcome Done { get; } = new(null, true);
    public static ReconcileOutcome Immediately { get; } = new(TimeSpan.Zero, false);
    public static ReconcileOutcome After(TimeSpan delay) => new(delay, false);
}
