namespace KafkaRecon.Operator.Storage;

/// <summary>
/// Deletes objects only while they are as they were listed (size and modification time), for a store that offers
/// nothing better than a look at each object followed by a delete (S3, whose objects are only ever replaced whole).
/// </summary>
internal static class UnchangedDeletes
{
    private const int ConcurrentLooks = 16;

    public static async Task<ConditionalDelete> DeleteAsync(
        IObjectStore store, IReadOnlyList<StoredObject> listed, CancellationToken cancellationToken)
    {
        var changed = await ChangedAsync(store, listed, cancellationToken).ConfigureAwait(false);
        if (changed.Count > 0)
        {
            return ConditionalDelete.NoneDeleted(changed);
        }
        await store.DeleteAsync(listed.Select(o => o.Location).ToList(), cancellationToken).ConfigureAwait(false);
        return ConditionalDelete.AllDeleted;
    }

    /// <summary>The locations that are gone or no longer have their listed size and modification time.</summary>
    public static async Task<IReadOnlyList<string>> ChangedAsync(
        IObjectStore store, IReadOnlyList<StoredObject> listed, CancellationToken cancellationToken)
    {
        var changed = new System.Collections.Concurrent.ConcurrentBag<string>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = ConcurrentLooks, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(listed, options, async (expected, token) =>
        {
            var now = await store.StatAsync(expected.Location, token).ConfigureAwait(false);
            if (!IsUnchanged(expected, now))
            {
                changed.Add(expected.Location);
            }
        }).ConfigureAwait(false);
        return [.. changed.Order(StringComparer.Ordinal)];
    }

    public static bool IsUnchanged(StoredObject listed, StoredObject? now) =>
        now is not null && now.Size == listed.Size && now.LastModified.UtcTicks == listed.LastModified.UtcTicks;
}
