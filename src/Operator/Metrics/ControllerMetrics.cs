using KafkaRecon.Operator.Kubernetes.Controller;
using KafkaRecon.Operator.Kubernetes.Leadership;
using KafkaRecon.Operator.Kubernetes.Queue;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Reconciliation;
using Prometheus;

namespace KafkaRecon.Operator.Metrics;

/// <summary>
/// controller-runtime's metrics for our controller: reconcile results and durations as they happen, and the work
/// queue's counters and the leader gauge read from their owners just before each scrape.
/// </summary>
internal sealed class ControllerMetrics : IReconcileObserver
{
    public const string ControllerName = "kafkareconciliation";

    private readonly KafkaReconMetrics _metrics;

    public ControllerMetrics(
        KafkaReconMetrics metrics, CollectorRegistry registry, WorkQueue<ResourceKey> queue, ILeadership leadership)
    {
        _metrics = metrics;
        registry.AddBeforeCollectCallback(() =>
        {
            metrics.Controller.WorkQueueObserved(ControllerName, queue.Depth, queue.AddsTotal, queue.RetriesTotal);
            metrics.Controller.LeadershipChanged(leadership.IsLeader);
        });
    }

    public void Completed(ReconcileOutcome? outcome, TimeSpan duration) =>
        _metrics.Controller.ReconcileCompleted(ControllerName, outcome switch
        {
            null => ReconcileResult.Error,
            { Finished: true } => ReconcileResult.Success,
            { RequeueAfter: { } delay } when delay > TimeSpan.Zero => ReconcileResult.RequeueAfter,
            _ => ReconcileResult.Requeue,
        }, duration);
}
