using System.Text;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// Merges one batch without ever losing a record: every original is read completely while the merged file is written
/// (a failed read fails the write, which the store makes all-or-nothing), the merged file is read back and must hold
/// exactly the lines and bytes that went in, its <see cref="MemberIndex"/> is completed, and only then are the originals
/// deleted, and only while each is still as it was listed: when one was appended to meanwhile, the merged file is
/// removed and every original kept for a later run.
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
            // Provisional (names and listed sizes): a merged file is never seen without its member list, so a re-run
            // after a kill knows exactly which originals it was made from.
            await WriteIndexAsync(batch.Target, new MemberIndex([.. batch.Members.Select(m =>
                new MergedMember(ObjectPath.Split(m.Location).Name, 0, m.Object.Size, 0, 0))], provisional: true),
                cancellationToken).ConfigureAwait(false);
            var (lines, bytes, members) = await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            var stored = await ObjectLineCounter.CountAsync(store, batch.Target, cancellationToken).ConfigureAwait(false);
            if (stored.Lines != lines || stored.Bytes != bytes)
            {
                await DeleteQuietlyAsync(batch.Target, cancellationToken).ConfigureAwait(false);
                await DeleteQuietlyAsync(MemberIndex.LocationFor(batch.Target), cancellationToken).ConfigureAwait(false);
                Fail(batch, originals, $"the merged file read back {stored.Lines} lines ({stored.Bytes} bytes) but " +
                    $"{lines} lines ({bytes} bytes) were written; it was removed and no original was deleted");
                return;
            }
            await WriteIndexAsync(batch.Target, new MemberIndex(members), cancellationToken).ConfigureAwait(false);
            var deletion = await store.DeleteUnchangedAsync([.. batch.Members.Select(m => m.Object)], cancellationToken)
                .ConfigureAwait(false);
            if (!deletion.DeletedAny)
            {
                // Lines were appended after the listing: the merged file lacks them, so it goes and the batch waits.
                await DeleteQuietlyAsync(batch.Target, cancellationToken).ConfigureAwait(false);
                await DeleteQuietlyAsync(MemberIndex.LocationFor(batch.Target), cancellationToken).ConfigureAwait(false);
                tally.Deferred(deletion.Changed.Count);
                return;
            }
            tally.Written(bytes, lines);
            tally.Deleted(originals.Count - deletion.Changed.Count);
            if (deletion.Changed.Count > 0)
            {
                Fail(batch, deletion.Changed, $"{deletion.Changed.Count} originals changed in the instant before their " +
                    "deletion and were kept: no line was lost, but the lines they held when read are also in the " +
                    "merged file; remove them from the original by hand");
                return;
            }
            tally.Merged();
        }
        catch (MemberReadException error)
        {
            await DeleteQuietlyAsync(MemberIndex.LocationFor(batch.Target), cancellationToken).ConfigureAwait(false);
            Fail(batch, originals, $"{error.Message}; the merged file was not written and no original was deleted");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail(batch, originals, $"{error.GetType().Name}: {error.Message}; a re-run completes or redoes this batch " +
                "without losing or duplicating records");
        }
    }

    private async Task<(long Lines, long Bytes, IReadOnlyList<MergedMember> Members)> WriteAsync(
        MergeBatch batch, CancellationToken cancellationToken)
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
        return (content.Lines, content.Bytes, content.Members);
    }

    private async Task WriteIndexAsync(string target, MemberIndex members, CancellationToken cancellationToken)
    {
        using var index = new MemoryStream(Encoding.UTF8.GetBytes(members.Serialize()));
        await store.WriteAsync(MemberIndex.LocationFor(target), index, cancellationToken).ConfigureAwait(false);
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
