using k8s;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Queue;
using KafkaRecon.Operator.Kubernetes.Store;

namespace KafkaRecon.Operator.Kubernetes.Watching;

/// <summary>
/// Where a listed or watched resource goes: nowhere when it is the echo of this operator's own write; ahead of all
/// other work when it has no status yet, so a new resource is answered while a burst of others waits for its next
/// poll; otherwise to the back of the queue.
/// </summary>
internal sealed class ChangeRouter(WorkQueue<ResourceKey> queue, OwnWrites ownWrites)
{
    public void Route(WatchEventType type, KafkaReconciliation resource)
    {
        var key = ResourceKey.Of(resource);
        if (type == WatchEventType.Deleted)
        {
            ownWrites.Forget(key);
            queue.Add(key);
            return;
        }
        if (IsSettled(resource) && ownWrites.IsEcho(resource))
        {
            return;
        }
        if (resource.Status is null)
        {
            queue.AddUrgent(key);
            return;
        }
        queue.Add(key);
    }

    /// <summary>
    /// Only an object whose status has observed its spec, and that is not being deleted, can be a mere echo. A status
    /// write that conflicted is applied to a fresh copy carrying someone's spec edit or deletion; after a relist (410)
    /// that copy, at this operator's own version, may be the only sign of the edit the watch ever gives.
    /// </summary>
    private static bool IsSettled(KafkaReconciliation resource) =>
        resource.Metadata?.DeletionTimestamp is null
        && (resource.Status is null || resource.Status.ObservedGeneration == resource.Metadata?.Generation);
}
