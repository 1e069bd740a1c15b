using System.IO.Compression;
using System.Text.Unicode;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// Finds the first manifest line that is not valid UTF-8. DuckDB's CSV reader fails on such a line with an internal
/// error that names neither file nor line (or, when the bad bytes sit in a column a query does not read, not at all),
/// so the transform asks this only after DuckDB failed, to tell the user which line to fix.
/// </summary>
internal static class ManifestEncoding
{
    private const int BufferSize = 1 << 20;

    /// <summary>The first file (in order) holding a line that is not UTF-8, with its 1-based line number; null if none.</summary>
    public static (string File, long Line)? FirstInvalidLine(IEnumerable<string> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            if (InvalidLine(file, cancellationToken) is { } line)
            {
                return (file, line);
            }
        }
        return null;
    }

    private static long? InvalidLine(string file, CancellationToken cancellationToken)
    {
        using var raw = File.OpenRead(file);
        using Stream stream = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(raw, CompressionMode.Decompress)
            : raw;
        var buffer = new byte[BufferSize];
        var carried = 0; // bytes of an unfinished line at the buffer's start
        long line = 1;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (carried == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the buffer
            }
            var read = stream.Read(buffer, carried, buffer.Length - carried);
            var filled = carried + read;
            var start = 0;
            int newline;
            while ((newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start)) >= 0)
            {
                if (!Utf8.IsValid(buffer.AsSpan(start, newline - start)))
                {
                    return line;
                }
                line++;
                start = newline + 1;
            }
            if (read == 0)
            {
                return filled > start && !Utf8.IsValid(buffer.AsSpan(start, filled - start)) ? line : null;
            }
            carried = filled - start;
            Buffer.BlockCopy(buffer, start, buffer, 0, carried);
        }
    }
}
