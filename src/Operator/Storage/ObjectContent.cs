using System.Buffers;

namespace KafkaRecon.Operator.Storage;

/// <summary>
/// A whole object read into a buffer rented from <see cref="ArrayPool{T}.Shared"/>; dispose it to return the buffer.
/// </summary>
internal sealed class ObjectContent(StoredObject stored, byte[] buffer, int length) : IDisposable
{
    private byte[]? _buffer = buffer;

    public StoredObject Object { get; } = stored;
    public int Length { get; } = length;

    public ReadOnlySpan<byte> Span => (_buffer ?? throw new ObjectDisposedException(Object.Location)).AsSpan(0, Length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Disposes every content already read, when a read of the same set failed or was cancelled.</summary>
    public static void DisposeAll(IEnumerable<ObjectContent?> contents)
    {
        foreach (var content in contents)
        {
            content?.Dispose();
        }
    }
}
