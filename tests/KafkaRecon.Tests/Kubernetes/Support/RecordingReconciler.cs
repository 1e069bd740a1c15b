using System.Collections.Concurrent;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;

namespace KafkaRecon.Tests.Kubernetes.Support;

/// <summary>A reconciler that records what it was given and answers from a script (the real driver is the lead's).</summary>
internal sealed class RecordingReconciler : IReconciler
{
    private readonly ConcurrentQueue<Func<KafkaReconciliation, ReconcileOutcome>> script = new();

    public ConcurrentQueue<KafkaReconciliation> Reconciled { get; } = new();

    public ConcurrentQueue<KafkaReconciliation> Cancelled { get; } = new();

    public Action<KafkaReconciliation>? OnCancel { get; set; }

    public ReconcileOutcome DefaultOutcome { get; set; } = ReconcileOutcome.Done;

    public void Then(Func<KafkaReconciliation, ReconcileOutcome> next) => script.Enqueue(next);

    public Task<ReconcileOutcome> ReconcileAsync(KafkaReconciliation resource, CancellationToken cancellationToken)
    {
        Reconciled.Enqueue(resource);
        return Task.FromResult(script.TryDequeue(out var next) ? next(resource) : DefaultOutcome);
    }

    public Task CancelAsync(KafkaReconciliation resource, CancellationToken cancellationToken)
    {
        OnCancel?.Invoke(resource);
        Cancelled.Enqueue(resource);
        return Task.CompletedTask;
    }
}
