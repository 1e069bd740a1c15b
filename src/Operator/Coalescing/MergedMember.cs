namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// One original inside a merged file: its file name, where its bytes lie in the merged file
/// (<see cref="Offset"/>, <see cref="Length"/>, not counting a newline added after it) and the merged file's line
/// number (1-based) of its first line.
/// </summary>
internal sealed record MergedMember(string Name, long Offset, long Length, long FirstLine, long Lines)
{
    public long End => Offset + Length;
}
