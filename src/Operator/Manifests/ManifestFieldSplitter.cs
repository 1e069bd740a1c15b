using System.Text;

namespace KafkaRecon.Operator.Manifests;

/// <summary>
/// Splits one record's bytes (line end removed) into fields by the readers' rules: <c>|</c> separates, a field that
/// starts with <c>"</c> is quoted (<c>""</c> inside is one quote, <c>|</c> and line ends are data, spaces after the
/// closing quote are dropped), any other <c>"</c> is data. Works on bytes, so bytes that are not UTF-8 never hide a separator.
/// </summary>
internal static class ManifestFieldSplitter
{
    public static SplitOutcome Split(ReadOnlySpan<byte> record, out List<string> fields)
    {
        fields = [];
        var field = new List<byte>();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < record.Length && record[i] == (byte)'"')
            {
                i++;
                while (true)
                {
                    if (i >= record.Length)
                    {
                        return SplitOutcome.OpenQuote;
                    }
                    if (record[i] != (byte)'"')
                    {
                        field.Add(record[i++]);
                    }
                    else if (i + 1 < record.Length && record[i + 1] == (byte)'"')
                    {
                        field.Add((byte)'"');
                        i += 2;
                    }
                    else
                    {
                        i++;
                        break;
                    }
                }
                while (i < record.Length && record[i] == (byte)' ')
                {
                    i++; // DuckDB reads spaces after a closing quote as nothing, not as a malformed field
                }
                if (i < record.Length && record[i] != (byte)'|')
                {
                    return SplitOutcome.Malformed;
                }
            }
            else
            {
                var end = record[i..].IndexOf((byte)'|');
                end = end < 0 ? record.Length : i + end;
                field.AddRange(record[i..end]);
                i = end;
            }
            fields.Add(Encoding.UTF8.GetString([.. field]));
            if (i >= record.Length)
            {
                return SplitOutcome.Fields;
            }
            i++; // the separator
        }
    }
}
