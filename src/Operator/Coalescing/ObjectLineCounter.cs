using System.Buffers;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>Counts the lines and bytes of a stored object by reading it through once.</summary>
internal static class ObjectLineCounter
{
    public static async Task<LineCount> CountAsync(IObjectStore store, string location, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var count = new LineCount();
            await using var stream = await store.OpenReadAsync(location, cancellationToken).ConfigureAwait(false);
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                count.Add(buffer.AsSpan(0, read));
            }
            return count;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
