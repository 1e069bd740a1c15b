using System.Buffers;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// Reads a batch's originals ahead of the writer, in order, with a bounded number of reads and bytes in flight:
/// small files cost one round trip each, so reading many at once hides their latency.
/// </summary>
internal sealed class MemberPrefetcher(
    IObjectStore store, IReadOnlyList<ManifestFile> members, PrefetchLimits limits, CancellationToken cancellationToken)
    : IAsyncDisposable
{
    private const int MinimumReadBuffer = 1 << 16;

    private readonly Queue<(ManifestFile File, Task<PrefetchedMember> Read)> _inFlight = new();
    private int _nextToStart;
    private long _bytesInFlight;

    /// <summary>The next original in order, or null when all were handed out. Throws <see cref="MemberReadException"/>.</summary>
    public async ValueTask<PrefetchedMember?> NextAsync()
    {
        TopUp();
        if (!_inFlight.TryDequeue(out var head))
        {
            return null;
        }
        _bytesInFlight -= ReadAheadSize(head.File);
        var member = await head.Read.ConfigureAwait(false);
        TopUp();
        return member;
    }

    public async ValueTask DisposeAsync()
    {
        while (_inFlight.TryDequeue(out var pending))
        {
            try
            {
                (await pending.Read.ConfigureAwait(false)).Dispose();
            }
            catch (Exception)
            {
                // The batch is already failing or finished; this read's outcome no longer matters.
            }
        }
    }

    private void TopUp()
    {
        while (_nextToStart < members.Count
               && _inFlight.Count < limits.MaxReads
               && (_inFlight.Count == 0 || _bytesInFlight + ReadAheadSize(members[_nextToStart]) <= limits.MaxBytes))
        {
            var file = members[_nextToStart++];
            _bytesInFlight += ReadAheadSize(file);
            _inFlight.Enqueue((file, ReadAsync(file)));
        }
    }

    private long ReadAheadSize(ManifestFile file) => IsLarge(file) ? 0 : file.Object.Size;

    private bool IsLarge(ManifestFile file) => file.Object.Size > limits.LargestBufferedFile;

    private async Task<PrefetchedMember> ReadAsync(ManifestFile file)
    {
        if (IsLarge(file))
        {
            return new PrefetchedMember(file, null, 0);
        }
        await Task.Yield();
        // At least the stores' own read buffer (64 KiB for local files), so reads go straight into ours instead of
        // through a fresh internal buffer per file; one byte more than the size so the end is seen on the first read.
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(file.Object.Size + 1, MinimumReadBuffer));
        try
        {
            await using var stream = await store.OpenReadAsync(file.Location, cancellationToken).ConfigureAwait(false);
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new PrefetchedMember(file, buffer, length);
                }
                length += read;
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new MemberReadException(file.Location, error);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
