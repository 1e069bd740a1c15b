namespace KafkaRecon.Operator.Manifests;

/// <summary>
/// The lines of a stream in order, one at a time; lines handed back with <see cref="Replay"/> come again first.
/// </summary>
internal sealed class PhysicalLineSource(Stream stream)
{
    private readonly byte[] buffer = new byte[1 << 16];
    private readonly Stack<PhysicalLine> replayed = new();
    private int position;
    private int filled;
    private long offset;
    private long number;

    public PhysicalLine? Next()
    {
        if (replayed.TryPop(out var again))
        {
            return again;
        }
        var line = new List<byte>();
        while (true)
        {
            if (position == filled)
            {
                filled = stream.Read(buffer, 0, buffer.Length);
                position = 0;
                if (filled == 0)
                {
                    return line.Count == 0 ? null : Take(line);
                }
            }
            var newline = Array.IndexOf(buffer, (byte)'\n', position, filled - position);
            var end = newline < 0 ? filled : newline + 1;
            line.AddRange(buffer.AsSpan(position, end - position));
            position = end;
            if (newline >= 0)
            {
                return Take(line);
            }
        }
    }

    /// <summary>Hands lines back (in file order) to be read again by <see cref="Next"/>.</summary>
    public void Replay(IReadOnlyList<PhysicalLine> lines)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            replayed.Push(lines[i]);
        }
    }

    private PhysicalLine Take(List<byte> bytes)
    {
        var line = new PhysicalLine(++number, offset, [.. bytes]);
        offset += line.Bytes.Length;
        return line;
    }
}
