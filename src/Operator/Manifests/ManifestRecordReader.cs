using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.Unicode;

namespace KafkaRecon.Operator.Manifests;

/// <summary>
/// Reads a manifest record by record with the rules of the engines' CSV readers (docs/comparison-semantics.md,
/// "Inputs"): <c>\n</c> or <c>\r\n</c> line ends, quoted fields may span lines, blank lines carry no record. A
/// record that is not exactly eight fields or not UTF-8 comes back with its reason instead of fields. A record over
/// several lines that does not split into eight fields (a quote open until the end of the file or for
/// <see cref="MaxRecordBytes"/>, or closed by another stray quote) rejects only the line it starts on; reading goes
/// on at the next line, so one stray quote never swallows the lines after it.
/// </summary>
internal static class ManifestRecordReader
{
    public const int FieldCount = 8;

    /// <summary>DuckDB's default <c>max_line_size</c>: a longer record is not read by the embedded engine either.</summary>
    public const int MaxRecordBytes = 2 * 1024 * 1024;

    /// <summary>A file's stream, decompressed when its name ends in <c>.gz</c> (as the engines decide).</summary>
    public static Stream Decompressed(Stream raw, string name) =>
        name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(raw, CompressionMode.Decompress) : raw;

    public static IEnumerable<ManifestRecord> Read(Stream stream, CancellationToken cancellationToken)
    {
        var source = new PhysicalLineSource(stream);
        var pending = new List<PhysicalLine>();
        var bytes = new List<byte>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = source.Next();
            if (line is null)
            {
                if (pending.Count == 0)
                {
                    yield break;
                }
                yield return FirstLineOnly(pending, source);
                bytes.Clear();
                continue;
            }
            if (pending.Count == 0 && line.IsBlank)
            {
                continue;
            }
            pending.Add(line);
            if (pending.Count > 1)
            {
                bytes.AddRange(pending[^2].Bytes.AsSpan(pending[^2].Content.Length)); // the line end inside the quote
            }
            bytes.AddRange(line.Content);
            if (pending.Count > 1 && line.Content.IndexOf((byte)'"') < 0 && bytes.Count <= MaxRecordBytes)
            {
                continue; // inside the open quote only a quote can close it: splitting again would make this quadratic
            }
            var outcome = ManifestFieldSplitter.Split(CollectionsMarshal.AsSpan(bytes), out var fields);
            if (outcome == SplitOutcome.OpenQuote && bytes.Count <= MaxRecordBytes)
            {
                continue;
            }
            var split = outcome == SplitOutcome.Fields && fields.Count == FieldCount;
            var record = (!split && pending.Count > 1) || outcome == SplitOutcome.OpenQuote
                ? FirstLineOnly(pending, source)
                : Record(pending, bytes, split ? fields : null);
            pending.Clear();
            bytes.Clear();
            yield return record;
        }
    }

    private static ManifestRecord Record(List<PhysicalLine> lines, List<byte> bytes, List<string>? fields)
    {
        var content = CollectionsMarshal.AsSpan(bytes);
        // DuckDB ends a line at a lone \r too: such a record is not eight fields to it (and fails the whole read).
        var reason = fields is null || content.Contains((byte)'\r') ? UnreadableReason.BadFieldCount
            : !Utf8.IsValid(content) ? UnreadableReason.NotUtf8
            : null;
        return new ManifestRecord(lines[0].Number, lines[0].Offset, lines[^1].End, reason is null ? fields : null,
            reason, reason is null ? "" : SampleText.Render(content));
    }

    /// <summary>
    /// A record over several lines that is not eight fields (a quote never closed, or closed by a stray quote lines
    /// later): only the line it starts on is rejected and the lines after it are read again, so a stray quote can
    /// never hide good lines inside one rejected line.
    /// </summary>
    private static ManifestRecord FirstLineOnly(List<PhysicalLine> pending, PhysicalLineSource source)
    {
        var first = pending[0];
        source.Replay(pending.Skip(1).ToList());
        pending.Clear();
        return new ManifestRecord(first.Number, first.Offset, first.End, null, UnreadableReason.BadFieldCount,
            SampleText.Render(first.Content));
    }
}
