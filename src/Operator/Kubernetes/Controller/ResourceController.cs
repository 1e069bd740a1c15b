using KafkaRecon.Entities;
using KafkaRecon.Operator.Kubernetes.Finalizers;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Reconciliation;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Kubernetes.Controller;

/// <summary>
/// One reconcile of one key, level-triggered: read the resource fresh, then either finish its deletion
/// (cancel external work, then release the finalizer), or make sure the finalizer is in place before anything can
/// start external work, or hand the resource to the <see cref="IReconciler"/>.
/// </summary>
internal sealed class ResourceController(IResourceStore store, IReconciler reconciler, ILogger<ResourceController> logger)
{
    public async Task<ReconcileOutcome> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        KafkaReconciliation resource;
        try
        {
            resource = await store.GetAsync(key, cancellationToken);
        }
        catch (KubernetesApiException gone) when (gone.Kind == ApiErrorKind.NotFound)
        {
            logger.LogDebug("{Key} no longer exists; nothing to do", key);
            return ReconcileOutcome.Done;
        }

        if (resource.Metadata.DeletionTimestamp is not null)
        {
            return await FinishDeletionAsync(key, resource, cancellationToken);
        }

        if (!FinalizerPatches.Has(resource))
        {
            // Added and persisted before any reconcile that could start external work, so a delete racing with
            // the first submission still reaches CancelAsync. The patch answers with the object as stored, which
            // this pass goes on with: requeueing instead would put a new resource's first status behind the whole
            // queue a second time.
            resource = await store.PatchAsync(key, FinalizerPatches.Add(resource), cancellationToken);
            logger.LogInformation("Added finalizer {Finalizer} to {Key}", WellKnown.Finalizer, key);
            if (!FinalizerPatches.Has(resource) || resource.Metadata.DeletionTimestamp is not null)
            {
                return ReconcileOutcome.Immediately;
            }
        }

        return await reconciler.ReconcileAsync(resource, cancellationToken);
    }

    private async Task<ReconcileOutcome> FinishDeletionAsync(
        ResourceKey key, KafkaReconciliation resource, CancellationToken cancellationToken)
    {
        if (!FinalizerPatches.Has(resource))
        {
            return ReconcileOutcome.Done;
        }
        logger.LogInformation("{Key} is being deleted; cancelling its external work", key);
        await reconciler.CancelAsync(resource, cancellationToken);
        try
        {
            await store.PatchAsync(key, FinalizerPatches.Remove(resource), cancellationToken);
        }
        catch (KubernetesApiException gone) when (gone.Kind == ApiErrorKind.NotFound)
        {
            return ReconcileOutcome.Done;
        }
        logger.LogInformation("Removed finalizer {Finalizer} from {Key}", WellKnown.Finalizer, key);
        return ReconcileOutcome.Done;
    }
}
