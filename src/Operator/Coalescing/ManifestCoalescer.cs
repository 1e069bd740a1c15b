using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// Coalesces one location (a folder or s3:// prefix) through <see cref="IObjectStore"/>: removes what a killed run's
/// unfinished writes left, lists it once (symbolic links are never followed, only counted), plans each side, finishes
/// batches an interrupted run left behind, then merges the new batches, a bounded number at a time.
/// Safe to run again at any point: a re-run after completion changes nothing.
/// </summary>
internal sealed class ManifestCoalescer(IObjectStore store, TimeProvider timeProvider)
{
    public async Task<CoalesceReport> CoalesceAsync(CoalesceRequest request, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var now = timeProvider.GetUtcNow();
        var temporaryAge = request.MinFileAge > CoalesceRequest.MinTemporaryAge
            ? request.MinFileAge
            : CoalesceRequest.MinTemporaryAge;
        var temporariesRemoved = await store
            .RemoveStaleTemporariesAsync(request.Location, now - temporaryAge, cancellationToken).ConfigureAwait(false);
        var objects = new List<StoredObject>();
        var skips = new ListingSkips();
        await foreach (var stored in store.ListAsync(request.Location, skips, cancellationToken).ConfigureAwait(false))
        {
            objects.Add(stored);
        }
        DateTimeOffset? modifiedBefore = request.MinFileAge > TimeSpan.Zero ? now - request.MinFileAge : null;
        var plans = new List<CoalescePlan>();
        foreach (var naming in request.Sides.Distinct().Select(ManifestNamings.For))
        {
            plans.Add(await PlanAsync(objects, naming, request, modifiedBefore, cancellationToken).ConfigureAwait(false));
        }

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
            YoungFilesSkipped = plans.Sum(p => (long)p.YoungFilesSkipped),
            TemporariesRemoved = temporariesRemoved,
        };
    }

    /// <summary>
    /// Plans one side. Where originals lie in an earlier merged file's range, its member index (when it has one) says
    /// which were its members. A provisional index means no original was deleted yet: its members are merged again
    /// from what they hold now (one may have grown since). A complete one means deletion may have started: only members
    /// still as they were merged (same size, not newer than the merged file) are leftovers, and a file written under a
    /// member's name since is a new original.
    /// </summary>
    private async Task<CoalescePlan> PlanAsync(
        List<StoredObject> objects, IManifestNaming naming, CoalesceRequest request, DateTimeOffset? modifiedBefore,
        CancellationToken cancellationToken)
    {
        var candidates = CoalescePlanner.Plan(objects, naming, request.Limits, request.Partition, modifiedBefore, (_, _) => true);
        if (candidates.Completions.Count == 0)
        {
            return candidates;
        }
        var listed = objects.Select(o => o.Location).ToHashSet(StringComparer.Ordinal);
        var indexes = new Dictionary<string, (Dictionary<string, long> Lengths, bool Provisional)>(StringComparer.Ordinal);
        var locator = new MemberLocator(store);
        foreach (var merged in candidates.Completions.Select(c => c.Merged))
        {
            if (listed.Contains(MemberIndex.LocationFor(merged.Location))
                && await locator.ReadIndexAsync(merged.Location, cancellationToken).ConfigureAwait(false) is { } index)
            {
                indexes[merged.Location] =
                    (index.Members.ToDictionary(m => m.Name, m => m.OriginalLength, StringComparer.Ordinal), index.Provisional);
            }
        }
        return CoalescePlanner.Plan(objects, naming, request.Limits, request.Partition, modifiedBefore,
            (merged, original) => indexes.TryGetValue(merged.Location, out var index)
                ? index.Lengths.TryGetValue(ObjectPath.Split(original.Location).Name, out var length)
                  && (index.Provisional
                      || (length == original.Object.Size && original.Object.LastModified <= merged.Object.LastModified))
                : null);
    }
}
