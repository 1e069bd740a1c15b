using System.Buffers;

namespace KafkaRecon.Operator.Storage;

/// <summary>
/// Reads objects whole through <see cref="IObjectStore.OpenReadAsync"/> with overlapping requests, the way to read
/// many small objects from a store where each read waits on a round trip (S3).
/// </summary>
internal static class ConcurrentObjectReads
{
    public static async Task<IReadOnlyList<ObjectContent>> ReadAsync(
        IObjectStore store, IReadOnlyList<StoredObject> objects, int maxConcurrentReads, CancellationToken cancellationToken)
    {
        var contents = new ObjectContent?[objects.Count];
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrentReads), CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, objects.Count), options, async (i, token) =>
                contents[i] = await ReadOneAsync(store, objects[i], token).ConfigureAwait(false)).ConfigureAwait(false);
            return contents!;
        }
        catch
        {
            ObjectContent.DisposeAll(contents);
            throw;
        }
    }

    private static async Task<ObjectContent> ReadOneAsync(IObjectStore store, StoredObject stored, CancellationToken cancellationToken)
    {
        // One byte more than the listed size, so an object that did not grow is seen to end in its first read.
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize(stored.Size));
        try
        {
            await using var stream = await store.OpenReadAsync(stored.Location, cancellationToken).ConfigureAwait(false);
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length);
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new ObjectContent(stored, buffer, length);
                }
                length += read;
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new ObjectReadException(stored.Location, error);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public static int BufferSize(long listedSize) =>
        (int)Math.Min(Math.Max(listedSize + 1, 256), Array.MaxLength);

    /// <summary>A buffer twice as large holding the first <paramref name="length"/> bytes; the old one is returned.</summary>
    public static byte[] Grow(byte[] buffer, int length)
    {
        if (buffer.Length >= Array.MaxLength)
        {
            throw new IOException($"the object is larger than {Array.MaxLength} bytes, too large to read whole");
        }
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
