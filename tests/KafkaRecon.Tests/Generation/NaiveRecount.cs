using System.Globalization;

namespace KafkaRecon.Tests.Generation;

/// <summary>
/// The comparison contract applied naively to rows read from the files: window per side, de-duplicate to the latest
/// (ties: smallest source, component, type), full outer join, counts per collection.
/// </summary>
internal static class NaiveRecount
{
    public static List<ManifestRow> Read(string folder, bool exportSide)
    {
        var rows = new List<ManifestRow>();
        foreach (var line in TinyCsv.AllLines(folder))
        {
            var f = TinyCsv.Fields(line);
            Assert.Equal(8, f.Count);
            if (!long.TryParse(f[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp))
            {
                continue;
            }
            rows.Add(new ManifestRow(exportSide ? f[6] : f[0], timestamp, f[2], f[3], f[4], f[5], f[7]));
        }
        return rows;
    }

    public static Dictionary<(string, string), RecountedCounts> Count(
        IEnumerable<ManifestRow> imports, IEnumerable<ManifestRow> exports, DateTimeOffset start, DateTimeOffset end, int marginMinutes)
    {
        var from = start.ToUnixTimeMilliseconds();
        var until = end.ToUnixTimeMilliseconds() + marginMinutes * 60_000L;
        var import = Latest(imports.Where(r => r.Timestamp >= from && r.Timestamp < until));
        var export = Latest(exports.Where(r => r.Timestamp >= from && r.Timestamp < until));
        var counts = new Dictionary<(string, string), long[]>();
        foreach (var key in import.Keys.Union(export.Keys))
        {
            var row = counts.TryGetValue((key.Item1, key.Item2), out var existing) ? existing : counts[(key.Item1, key.Item2)] = new long[6];
            var i = import.GetValueOrDefault(key);
            var e = export.GetValueOrDefault(key);
            if (i is not null) row[0]++;
            if (e is not null) row[1]++;
            if (i is not null && e is null) row[2]++;
            if (i is null && e is not null) row[3]++;
            if (i is not null && e is not null && i.Timestamp < e.Timestamp) row[4]++;
            if (i is not null && e is not null && e.Timestamp < i.Timestamp) row[5]++;
        }
        return counts.ToDictionary(p => p.Key, p => new RecountedCounts(p.Value[0], p.Value[1], p.Value[2], p.Value[3], p.Value[4], p.Value[5]));
    }

    private static Dictionary<(string, string, string), ManifestRow> Latest(IEnumerable<ManifestRow> rows) =>
        rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g
            .OrderByDescending(r => r.Timestamp)
            .ThenBy(r => r.Source, StringComparer.Ordinal)
            .ThenBy(r => r.Component, StringComparer.Ordinal)
            .ThenBy(r => r.Type, StringComparer.Ordinal)
            .First());
}
