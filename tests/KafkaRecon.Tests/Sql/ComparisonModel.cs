using System.Globalization;

namespace KafkaRecon.Tests.Sql;

/// <summary>One generated manifest line's fields (no quoting needed: no field holds '|', '"' or a line break).</summary>
internal sealed record ModelLine(string Id, string Timestamp, string Database, string Collection)
{
    public string Import() => $"{Id}|{Timestamp}|{Database}|{Collection}|STREAMED|K2HB|{Id}|KAFKA_RECORD";

    public string Export() => $"x{Id}|{Timestamp}|{Database}|{Collection}|EXPORT|K2HB|{Id}|MONGO_INSERT";
}

/// <summary>The totals a comparison must report, as the property test's model computes them.</summary>
internal sealed record ModelTotals(
    long Imported, long Exported, long MissingExports, long MissingImports, long Mismatched, long Rejected);

/// <summary>
/// docs/comparison-semantics.md written again, plainly and in memory, without any production code: the property
/// test's independent judge of the engines' totals.
/// </summary>
internal static class ComparisonModel
{
    public static ModelTotals Totals(
        IReadOnlyList<ModelLine> import, IReadOnlyList<ModelLine> export, long startMs, long endMs)
    {
        var (importSide, importRejected) = Side(import, startMs, endMs);
        var (exportSide, exportRejected) = Side(export, startMs, endMs);
        var missingExports = importSide.Keys.Count(key => !exportSide.ContainsKey(key));
        var missingImports = exportSide.Keys.Count(key => !importSide.ContainsKey(key));
        var mismatched = importSide.Count(pair => exportSide.TryGetValue(pair.Key, out var other) && other != pair.Value);
        return new(importSide.Count, exportSide.Count, missingExports, missingImports, mismatched,
            importRejected + exportRejected);
    }

    /// <summary>The latest timestamp of each (database, collection, id) in the window, and the lines rejected.</summary>
    private static (Dictionary<(string, string, string), long> Latest, long Rejected) Side(
        IReadOnlyList<ModelLine> lines, long startMs, long endMs)
    {
        var latest = new Dictionary<(string, string, string), long>();
        long rejected = 0;
        foreach (var line in lines)
        {
            if (!IsCanonical(line.Timestamp, out var timestamp)
                || line.Id.Length == 0 || line.Database.Length == 0 || line.Collection.Length == 0)
            {
                rejected++;
                continue;
            }
            if (timestamp < startMs || timestamp >= endMs)
            {
                continue;
            }
            var key = (line.Database, line.Collection, line.Id);
            latest[key] = latest.TryGetValue(key, out var seen) ? Math.Max(seen, timestamp) : timestamp;
        }
        return (latest, rejected);
    }

    /// <summary>Only digits, no sign, no leading zero (but "0" itself), and within a signed 64-bit integer.</summary>
    private static bool IsCanonical(string text, out long value)
    {
        value = 0;
        if (text.Length == 0 || text.Any(c => c is < '0' or > '9') || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
