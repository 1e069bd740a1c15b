using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Execution;
using KafkaRecon.Operator.Kubernetes.Queue;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Metrics;

namespace KafkaRecon.Operator.Composition;

/// <summary>
/// Routes the run executor's news: a resource whose work started or ended goes back on the controller's queue at
/// once (rather than at its next poll), and the queue length and running count go to the metrics.
/// </summary>
internal sealed class ExecutorObserver(WorkQueue<ResourceKey> queue, RunMetrics metrics, int slots) : IRunExecutorObserver
{
    public void Counts(int queued, int running) => metrics.ExecutorCounts(queued, running, slots);

    public void Changed(ResourceIdentity owner) => queue.Add(new ResourceKey(owner.Namespace, owner.Name));
}
