using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// Finishes a batch an earlier run left behind. A merged file is never visible without its member index: a provisional
/// one (no original deleted yet) means the batch is merged again from the originals as they are now; a complete one
/// (verified, deletion may have started) means the leftovers still as they were merged are deleted. A merged file from
/// before member indexes is checked against its originals again (kept when it holds them all, else redone).
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
            var index = await new MemberLocator(store).ReadIndexAsync(merged.Location, cancellationToken).ConfigureAwait(false);
            if (index is { Provisional: true } && leftovers.Count < merged.Key.MemberCount)
            {
                Fail(completion, leftovers, "its member list says no original was deleted yet, but some are missing; " +
                    "nothing was touched, check the folder by hand");
                return;
            }
            if (leftovers.Count == merged.Key.MemberCount
                && (index is { Provisional: true }
                    || (index is null && !await HoldsAllAsync(completion, cancellationToken).ConfigureAwait(false))))
            {
                // No original was deleted yet, so the merge is done again from the originals as they are now (one may
                // have been appended to after the merged file was written). A merged file from before member indexes
                // is kept when it holds them all.
                await store.DeleteAsync([merged.Location, MemberIndex.LocationFor(merged.Location)], cancellationToken)
                    .ConfigureAwait(false);
                await merger.MergeAsync(new MergeBatch(merged.Location, completion.Leftovers), cancellationToken)
                    .ConfigureAwait(false);
                return;
            }
            var deletion = await store.DeleteUnchangedAsync([.. completion.Leftovers.Select(l => l.Object)], cancellationToken)
                .ConfigureAwait(false);
            tally.Deleted(deletion.DeletedAny ? leftovers.Count - deletion.Changed.Count : 0);
            if (deletion.Changed.Count > 0)
            {
                Fail(completion, deletion.Changed, "originals changed after they were merged and were kept: the " +
                    "lines they held when merged are also in the merged file; check them by hand");
                return;
            }
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
