using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// Merges one batch without ever losing a record: every original is read completely while the merged file is written
/// (a failed read fails the write, which the store makes all-or-nothing), the merged file is read back and must hold
/// exactly the lines and bytes that went in, and only then are the originals deleted.
/// </summary>
internal sealed class BatchMerger(IObjectStore store, CoalesceTally tally, PrefetchLimits prefetch)
{
    public async Task MergeAsync(MergeBatch batch, CancellationToken cancellationToken)
    {
        var originals = batch.Members.Select(m => m.Location).ToList();
        try
        {
            if (await store.ExistsAsync(batch.Target, cancellationToken).ConfigureAwait(false))
            {
                Fail(batch, originals, "a file of this name already exists and was not made from these originals; " +
                    "it was left untouched and nothing was deleted");
                return;
            }
            var (lines, bytes) = await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            var stored = await ObjectLineCounter.CountAsync(store, batch.Target, cancellationToken).ConfigureAwait(false);
            if (stored.Lines != lines || stored.Bytes != bytes)
            {
                await DeleteQuietlyAsync(batch.Target, cancellationToken).ConfigureAwait(false);
                Fail(batch, originals, $"the merged file read back {stored.Lines} lines ({stored.Bytes} bytes) but " +
                    $"{lines} lines ({bytes} bytes) were written; it was removed and no original was deleted");
                return;
            }
            tally.Written(bytes, lines);
            await store.DeleteAsync(originals, cancellationToken).ConfigureAwait(false);
            tally.Deleted(originals.Count);
            tally.Merged();
        }
        catch (MemberReadException error)
        {
            Fail(batch, originals, $"{error.Message}; the merged file was not written and no original was deleted");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail(batch, originals, $"{error.GetType().Name}: {error.Message}; a re-run completes or redoes this batch " +
                "without losing or duplicating records");
        }
    }

    private async Task<(long Lines, long Bytes)> WriteAsync(MergeBatch batch, CancellationToken cancellationToken)
    {
        await using var prefetcher = new MemberPrefetcher(store, batch.Members, prefetch, cancellationToken);
        await using var content = new ConcatenatedManifestStream(store, prefetcher, cancellationToken);
        await store.WriteAsync(batch.Target, content, cancellationToken).ConfigureAwait(false);
        if (content.FilesRead != batch.Members.Count)
        {
            throw new InvalidOperationException(
                $"the store stopped reading after {content.FilesRead} of {batch.Members.Count} originals");
        }
        tally.Read(content.FilesRead, content.BytesRead);
        return (content.Lines, content.Bytes);
    }

    private async Task DeleteQuietlyAsync(string location, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync([location], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A re-run finds the incomplete merged file, sees it does not match its originals and replaces it.
        }
    }

    private void Fail(MergeBatch batch, IReadOnlyList<string> originals, string message) =>
        tally.Failed(new CoalesceFailure(batch.Target, originals, message));
}
