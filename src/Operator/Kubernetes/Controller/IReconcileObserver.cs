namespace KafkaRecon.Operator.Kubernetes.Controller;

/// <summary>Told of every finished reconcile (controller-runtime's reconcile metrics).</summary>
internal interface IReconcileObserver
{
    /// <summary><paramref name="outcome"/> is null when the reconcile threw.</summary>
    void Completed(Reconciliation.ReconcileOutcome? outcome, TimeSpan duration);
}

/// <summary>For hosts without metrics.</summary>
internal sealed class NoReconcileObserver : IReconcileObserver
{
    public static NoReconcileObserver Instance { get; } = new();

    public void Completed(Reconciliation.ReconcileOutcome? outcome, TimeSpan duration)
    {
    }
}
