using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// Finishes a batch an earlier run left behind. Originals are only deleted after their merged file was verified, so:
/// when some of its originals are already gone, the merged file was verified and the rest are deleted; when all are
/// still there, the merged file is checked against them again (deleted and redone if it does not hold them all).
/// </summary>
internal sealed class CompletionFinisher(IObjectStore store, CoalesceTally tally, BatchMerger merger, PrefetchLimits prefetch)
{
    public async Task FinishAsync(PendingCompletion completion, CancellationToken cancellationToken)
    {
        var merged = completion.Merged;
        var leftovers = completion.Leftovers.Select(l => l.Location).ToList();
        try
        {
            if (leftovers.Count > merged.Key.MemberCount)
            {
                Fail(completion, leftovers, $"{leftovers.Count} originals lie in its range but it was made from " +
                    $"{merged.Key.MemberCount}; nothing was touched, check the folder by hand");
                return;
            }
            if (leftovers.Count == merged.Key.MemberCount
                && !await HoldsAllAsync(completion, cancellationToken).ConfigureAwait(false))
            {
                await store.DeleteAsync([merged.Location], cancellationToken).ConfigureAwait(false);
                await merger.MergeAsync(new MergeBatch(merged.Location, completion.Leftovers), cancellationToken)
                    .ConfigureAwait(false);
                return;
            }
            await store.DeleteAsync(leftovers, cancellationToken).ConfigureAwait(false);
            tally.Deleted(leftovers.Count);
            tally.Completed();
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail(completion, leftovers, $"finishing an earlier merge failed: {error.GetType().Name}: {error.Message}");
        }
    }

    private async Task<bool> HoldsAllAsync(PendingCompletion completion, CancellationToken cancellationToken)
    {
        long expected = 0;
        long bytes = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = prefetch.MaxReads, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(completion.Leftovers, options, async (original, token) =>
        {
            var count = await ObjectLineCounter.CountAsync(store, original.Location, token).ConfigureAwait(false);
            Interlocked.Add(ref expected, count.Lines);
            Interlocked.Add(ref bytes, count.Bytes);
        }).ConfigureAwait(false);
        tally.Read(completion.Leftovers.Count, bytes);
        var stored = await ObjectLineCounter.CountAsync(store, completion.Merged.Location, cancellationToken)
            .ConfigureAwait(false);
        return stored.Lines == expected;
    }

    private void Fail(PendingCompletion completion, IReadOnlyList<string> leftovers, string message) =>
        tally.Failed(new CoalesceFailure(completion.Merged.Location, leftovers, message));
}
