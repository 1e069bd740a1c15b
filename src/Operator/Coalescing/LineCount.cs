namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// Counts manifest lines as the comparison reads them: every newline ends a line, and a non-empty object whose last
/// byte is not a newline has one more (unterminated) line.
/// </summary>
internal struct LineCount
{
    private const byte Newline = (byte)'\n';

    public long Newlines { get; private set; }
    public long Bytes { get; private set; }
    private byte _last;

    public readonly long Lines => Newlines + (Bytes > 0 && _last != Newline ? 1 : 0);

    public readonly bool EndsWithoutNewline => Bytes > 0 && _last != Newline;

    public void Add(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            return;
        }
        Newlines += chunk.Count(Newline);
        Bytes += chunk.Length;
        _last = chunk[^1];
    }
}
