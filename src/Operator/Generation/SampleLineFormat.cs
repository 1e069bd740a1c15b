using System.Buffers.Text;

namespace KafkaRecon.Operator.Generation;

/// <summary>
/// Writes manifest lines straight into a <see cref="ManifestFileBuffer"/> as UTF-8 bytes (no strings per record).
/// Import (K2HB): <c>id|ts|database|collection|STREAMED|K2HB|raw id|KAFKA_RECORD</c>. Export (HTME):
/// <c>{"$oid":"…"}|ts|database|collection|EXPORT|component|id|type</c>, the join key in field 6.
/// </summary>
internal static class SampleLineFormat
{
    public const int IdLength = 24;
    private const int MaxLine = 1024;

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;
    private static ReadOnlySpan<byte> DocumentIdStart => "\"{\"\"claimId\"\":\"\""u8;
    private static ReadOnlySpan<byte> DocumentIdEnd => "\"\",\"\"tag\"\":\"\"a|b\"\"}\""u8;
    private static ReadOnlySpan<byte> WrappedIdStart => "\"{\"\"id\"\":\"\""u8;
    private static ReadOnlySpan<byte> WrappedIdEnd => "\"\"}\""u8;
    private static ReadOnlySpan<byte> OidStart => "\"{\"\"$oid\"\":\"\""u8;
    private static ReadOnlySpan<byte> ImportEnd => "|KAFKA_RECORD\n"u8;

    private static readonly byte[][] Components = [.. ExportKind.Components.Select(c => System.Text.Encoding.UTF8.GetBytes(c + "|"))];
    private static readonly byte[][] Types = [.. ExportKind.Types.Select(t => System.Text.Encoding.UTF8.GetBytes("|" + t + "\n"))];

    /// <summary>The record's 24 hex digit ObjectId.</summary>
    public static void Id(Span<byte> destination, CollectionLineParts parts, long number)
    {
        var high = parts.IdPrefix;
        for (var i = 7; i >= 0; i--, high >>= 4)
        {
            destination[i] = HexDigits[(int)(high & 0xF)];
        }
        var low = SampleHash.Mix((ulong)number + parts.IdKey);
        for (var i = IdLength - 1; i >= 8; i--, low >>= 4)
        {
            destination[i] = HexDigits[(int)(low & 0xF)];
        }
    }

    public static void Import(ManifestFileBuffer buffer, CollectionLineParts parts, in SampleRecord record, ReadOnlySpan<byte> id, long timestamp)
    {
        var line = buffer.Reserve(MaxLine);
        var n = JoinKey(line, record, id);
        line[n++] = (byte)'|';
        n += Number(line[n..], timestamp);
        n += Copy(line[n..], parts.ImportMiddle);
        if (record.DocumentId)
        {
            n += JoinKey(line[n..], record, id);
        }
        else if (record.WrappedRawId)
        {
            n += Copy(line[n..], WrappedIdStart);
            n += Copy(line[n..], id);
            n += Copy(line[n..], WrappedIdEnd);
        }
        else
        {
            n += Copy(line[n..], id);
        }
        n += Copy(line[n..], ImportEnd);
        buffer.EndLine(n);
    }

    public static void Export(ManifestFileBuffer buffer, CollectionLineParts parts, in SampleRecord record, ReadOnlySpan<byte> id, long timestamp, byte type)
    {
        var line = buffer.Reserve(MaxLine);
        var n = Copy(line, OidStart);
        n += Copy(line[n..], id);
        n += Copy(line[n..], WrappedIdEnd);
        line[n++] = (byte)'|';
        n += Number(line[n..], timestamp);
        n += Copy(line[n..], parts.ExportMiddle);
        n += Copy(line[n..], Components[record.ExportComponent]);
        n += JoinKey(line[n..], record, id);
        n += Copy(line[n..], Types[type]);
        buffer.EndLine(n);
    }

    /// <summary>The id both sides join on: the ObjectId, or a JSON document holding it (quoted: it has quotes and a pipe).</summary>
    private static int JoinKey(Span<byte> destination, in SampleRecord record, ReadOnlySpan<byte> id)
    {
        if (!record.DocumentId)
        {
            return Copy(destination, id);
        }
        var n = Copy(destination, DocumentIdStart);
        n += Copy(destination[n..], id);
        return n + Copy(destination[n..], DocumentIdEnd);
    }

    private static int Number(Span<byte> destination, long value)
    {
        Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }

    private static int Copy(Span<byte> destination, ReadOnlySpan<byte> source)
    {
        source.CopyTo(destination);
        return source.Length;
    }
}
