using System.IO.Compression;

namespace KafkaRecon.Operator.Manifests;

/// <summary>
/// The length of a manifest's last line. DuckDB 1.5 drops a file's last line without an error when it is longer than
/// its read buffer (tens of MB), where a shorter over-long line fails the read; the embedded engine asks this first so
/// such a line goes to the audit and is counted, never silently left out.
/// </summary>
internal static class ManifestTail
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Whether the last line of <paramref name="path"/> (final line end not counted) is longer than <paramref name="limit"/> bytes.</summary>
    public static bool LastLineExceeds(string path, int limit) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? CompressedLastLineExceeds(path, limit) : PlainLastLineExceeds(path, limit);

    /// <summary>Reads backwards from the end, so a file of normal lines costs one small read.</summary>
    private static bool PlainLastLineExceeds(string path, int limit)
    {
        using var handle = File.OpenHandle(path);
        var lineEnd = RandomAccess.GetLength(handle);
        Span<byte> last = stackalloc byte[1];
        if (lineEnd > 0 && RandomAccess.Read(handle, last, lineEnd - 1) == 1 && last[0] == (byte)'\n')
        {
            lineEnd--; // the final line end is not part of the line
        }
        var buffer = new byte[ChunkSize];
        var position = lineEnd;
        while (position > 0 && lineEnd - position <= limit)
        {
            var size = (int)Math.Min(ChunkSize, position);
            position -= size;
            var read = RandomAccess.Read(handle, buffer.AsSpan(0, size), position);
            var newline = buffer.AsSpan(0, read).LastIndexOf((byte)'\n');
            if (newline >= 0)
            {
                return lineEnd - (position + newline + 1) > limit;
            }
        }
        return lineEnd - position > limit;
    }

    /// <summary>A compressed file cannot be read backwards: it is read through once (only .gz inputs pay this).</summary>
    private static bool CompressedLastLineExceeds(string path, int limit)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var buffer = new byte[ChunkSize];
        long current = 0; // bytes of the line being read
        long previous = 0; // bytes of the line before it, in case the file ends with its line end
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            int newline;
            while ((newline = span.IndexOf((byte)'\n')) >= 0)
            {
                previous = current + newline;
                current = 0;
                span = span[(newline + 1)..];
            }
            current += span.Length;
        }
        var last = current > 0 ? current : previous;
        return last > limit;
    }
}
