using System.Buffers;
using System.Text;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// Traces a byte of a merged file back to its original: reads the merged file's <see cref="MemberIndex"/>, finds the
/// member holding the byte and counts the member's lines up to it. For error messages and rejected-line samples.
/// </summary>
internal sealed class MemberLocator(IObjectStore store)
{
    /// <summary>
    /// The original and line holding <paramref name="byteOffset"/> of <paramref name="mergedLocation"/>; null when the
    /// file has no member index (it is not a merged file, or was merged before indexes were kept) or the byte is a
    /// newline the coalescer added.
    /// </summary>
    public async Task<OriginalPosition?> LocateAsync(string mergedLocation, long byteOffset, CancellationToken cancellationToken)
    {
        var index = await ReadIndexAsync(mergedLocation, cancellationToken).ConfigureAwait(false);
        if (index?.MemberAt(byteOffset) is not { } member)
        {
            return null;
        }
        var newlines = await CountNewlinesAsync(mergedLocation, member.Offset, byteOffset, cancellationToken)
            .ConfigureAwait(false);
        return new OriginalPosition(member.Name, newlines + 1);
    }

    public async Task<MemberIndex?> ReadIndexAsync(string mergedLocation, CancellationToken cancellationToken)
    {
        var location = MemberIndex.LocationFor(mergedLocation);
        if (!await store.ExistsAsync(location, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        await using var stream = await store.OpenReadAsync(location, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return MemberIndex.Parse(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), location);
    }

    /// <summary>Newlines in bytes [<paramref name="from"/>, <paramref name="to"/>) of the object, read in one pass.</summary>
    private async Task<long> CountNewlinesAsync(string location, long from, long to, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            await using var stream = await store.OpenReadAsync(location, cancellationToken).ConfigureAwait(false);
            long position = 0;
            long newlines = 0;
            int read;
            while (position < to && (read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                var start = (int)Math.Clamp(from - position, 0, read);
                var end = (int)Math.Clamp(to - position, 0, read);
                newlines += buffer.AsSpan(start, end - start).Count((byte)'\n');
                position += read;
            }
            return newlines;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
