namespace KafkaRecon.Operator.Generation;

/// <summary>The bytes of one manifest file being built; files are small enough to be written in one go.</summary>
internal sealed class ManifestFileBuffer
{
    private byte[] _buffer = new byte[1 << 20];

    public int Length { get; private set; }
    public int Lines { get; private set; }

    public ReadOnlySpan<byte> Content => _buffer.AsSpan(0, Length);

    /// <summary>Room for at least <paramref name="size"/> bytes; follow with <see cref="EndLine"/>.</summary>
    public Span<byte> Reserve(int size)
    {
        if (_buffer.Length - Length < size)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + size));
        }
        return _buffer.AsSpan(Length);
    }

    public void EndLine(int written)
    {
        Length += written;
        Lines++;
    }

    public void Clear()
    {
        Length = 0;
        Lines = 0;
    }
}
