using KafkaRecon.Operator.Kubernetes.Queue;
using KafkaRecon.Operator.Kubernetes.Store;
using KafkaRecon.Operator.Reconciliation;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Kubernetes.Controller;

/// <summary>
/// N workers taking keys from the queue and applying each outcome exactly like controller-runtime: an error is
/// retried with the key's exponential backoff; success resets it; RequeueAfter polls again after the delay.
/// </summary>
internal sealed class ControllerWorkers(
    WorkQueue<ResourceKey> queue,
    ResourceController controller,
    IReconcileObserver observer,
    TimeProvider time,
    ILogger<ControllerWorkers> logger)
{
    private long reconciles;
    private long failures;

    public long Reconciles => Interlocked.Read(ref reconciles);

    public long Failures => Interlocked.Read(ref failures);

    /// <summary>
    /// Runs <paramref name="count"/> workers, and <paramref name="firstAnswerCount"/> more that take only resources
    /// nobody has answered yet (<see cref="WorkQueue{TKey}.AddUrgent"/>), until the queue shuts down. A first answer is a
    /// few requests and no long work, so a burst of new resources is answered at once even while every worker is busy.
    /// <paramref name="abortWork"/> cancels reconciles in flight (grace period over, leadership lost); shutting the
    /// queue down only stops new keys.
    /// </summary>
    public Task RunAsync(int count, int firstAnswerCount, CancellationToken abortWork) =>
        Task.WhenAll(
            Enumerable.Range(0, count)
                .Select(_ => Task.Run(() => WorkAsync(queue.TakeAsync, abortWork), CancellationToken.None))
                .Concat(Enumerable.Range(0, firstAnswerCount)
                    .Select(_ => Task.Run(() => WorkAsync(queue.TakeUrgentAsync, abortWork), CancellationToken.None))));

    private async Task WorkAsync(
        Func<CancellationToken, Task<(bool Taken, ResourceKey Key)>> take, CancellationToken abortWork)
    {
        while (true)
        {
            var (taken, key) = await take(CancellationToken.None);
            if (!taken)
            {
                return;
            }
            var started = time.GetTimestamp();
            try
            {
                var outcome = await controller.ReconcileAsync(key, abortWork);
                observer.Completed(outcome, time.GetElapsedTime(started));
                Apply(key, outcome);
            }
            catch (OperationCanceledException) when (abortWork.IsCancellationRequested)
            {
                logger.LogWarning("Reconcile of {Key} aborted", key);
            }
            catch (Exception error)
            {
                Interlocked.Increment(ref failures);
                observer.Completed(null, time.GetElapsedTime(started));
                logger.LogError(error, "Reconcile of {Key} failed (attempt {Attempt}); retrying with backoff",
                    key, queue.Failures(key) + 1);
                queue.AddRateLimited(key);
            }
            finally
            {
                Interlocked.Increment(ref reconciles);
                queue.Done(key);
            }
        }
    }

    private void Apply(ResourceKey key, ReconcileOutcome outcome)
    {
        queue.Forget(key);
        if (outcome.Finished)
        {
            return;
        }
        if (outcome.RequeueAfter is { } delay && delay > TimeSpan.Zero)
        {
            queue.AddAfter(key, delay);
        }
        else
        {
            queue.Add(key);
        }
    }
}
