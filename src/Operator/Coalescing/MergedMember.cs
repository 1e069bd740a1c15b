namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// One original inside a merged file: its file name, where its bytes lie in the merged file
/// (<see cref="Offset"/>, <see cref="Length"/>, not counting a newline added after it), the merged file's line
/// number (1-based) of its first line, and <see cref="Skipped"/>, the bytes of the original not copied (its leading
/// byte order mark), so <see cref="OriginalLength"/> is the original's size when it was merged.
/// </summary>
internal sealed record MergedMember(string Name, long Offset, long Length, long FirstLine, long Lines, long Skipped = 0)
{
    public long End => Offset + Length;

    public long OriginalLength => Length + Skipped;
}
