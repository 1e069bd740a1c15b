using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// Coalesces one location (a folder or s3:// prefix) through <see cref="IObjectStore"/>: lists it once, plans each
/// side (symbolic links are never followed, only counted), finishes batches an interrupted run left behind, then merges the new batches, a bounded number at a time.
/// Safe to run again at any point: a re-run after completion changes nothing.
/// </summary>
internal sealed class ManifestCoalescer(IObjectStore store, TimeProvider timeProvider)
{
    public async Task<CoalesceReport> CoalesceAsync(CoalesceRequest request, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var objects = new List<StoredObject>();
        var skips = new ListingSkips();
        await foreach (var stored in store.ListAsync(request.Location, skips, cancellationToken).ConfigureAwait(false))
        {
            objects.Add(stored);
        }
        var plans = request.Sides.Distinct()
            .Select(side => CoalescePlanner.Plan(objects, ManifestNamings.For(side), request.Limits, request.Partition))
            .ToList();

        var tally = new CoalesceTally();
        var merger = new BatchMerger(store, tally, request.Prefetch);
        var finisher = new CompletionFinisher(store, tally, merger, request.Prefetch);
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, request.MaxConcurrentBatches),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(plans.SelectMany(p => p.Completions), options,
            async (completion, token) => await finisher.FinishAsync(completion, token).ConfigureAwait(false))
            .ConfigureAwait(false);
        // Largest first, so one big batch does not run alone at the end.
        var batches = plans.SelectMany(p => p.Batches).OrderByDescending(b => b.Members.Sum(m => m.Object.Size));
        await Parallel.ForEachAsync(batches, options,
            async (batch, token) => await merger.MergeAsync(batch, token).ConfigureAwait(false))
            .ConfigureAwait(false);
        return tally.ToReport(plans.Sum(p => (long)p.SingleFilesSkipped), timeProvider.GetElapsedTime(started)) with
        {
            SymbolicLinksSkipped = skips.SymbolicLinks,
        };
    }
}
