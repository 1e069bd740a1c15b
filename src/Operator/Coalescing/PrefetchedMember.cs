using System.Buffers;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// One original's content, read completely into a pooled buffer, or (for a large original) not read ahead at all:
/// then <see cref="Buffer"/> is null and the reader streams it when its turn comes.
/// </summary>
internal sealed class PrefetchedMember(ManifestFile file, byte[]? buffer, int length) : IDisposable
{
    public ManifestFile File { get; } = file;
    public byte[]? Buffer { get; private set; } = buffer;
    public int Length { get; } = length;

    public void Dispose()
    {
        if (Buffer is { } rented)
        {
            Buffer = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
