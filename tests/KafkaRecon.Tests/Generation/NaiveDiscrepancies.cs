using KafkaRecon.Entities;

namespace KafkaRecon.Tests.Generation;

/// <summary>
/// Which records are missing or mismatched, by the comparison contract applied naively to the generated files
/// (window per side, latest row per key), each list ordered as the samples are: id, then database, collection. Like
/// the detail tables, only collections with at least one id on both sides are listed: a collection with no export
/// at all is reported as a missing collection, not record by record.
/// </summary>
internal sealed record NaiveDiscrepancies(
    IReadOnlyList<RecordSample> MissingExports,
    IReadOnlyList<RecordSample> MissingImports,
    IReadOnlyList<RecordSample> MismatchedTimestamps)
{
    public static NaiveDiscrepancies Of(GeneratedSample sample) => Of(
        sample.ImportRows(), sample.ExportRows(), sample.Truth.WindowStart, sample.Truth.WindowEnd, sample.Truth.MarginMinutes);

    public static NaiveDiscrepancies Of(
        IEnumerable<ManifestRow> imports, IEnumerable<ManifestRow> exports, DateTimeOffset start, DateTimeOffset end, int marginMinutes)
    {
        var from = start.ToUnixTimeMilliseconds();
        var until = end.ToUnixTimeMilliseconds() + marginMinutes * 60_000L;
        var import = Latest(imports.Where(r => r.Timestamp >= from && r.Timestamp < until));
        var export = Latest(exports.Where(r => r.Timestamp >= from && r.Timestamp < until));
        var inBoth = import.Keys.Where(export.ContainsKey).Select(k => (k.Item1, k.Item2)).ToHashSet();
        import = import.Where(p => inBoth.Contains((p.Key.Item1, p.Key.Item2))).ToDictionary();
        export = export.Where(p => inBoth.Contains((p.Key.Item1, p.Key.Item2))).ToDictionary();
        var missingExports = import.Where(p => !export.ContainsKey(p.Key))
            .Select(p => Sample(p.Key, p.Value, null));
        var missingImports = export.Where(p => !import.ContainsKey(p.Key))
            .Select(p => Sample(p.Key, null, p.Value));
        var mismatched = import.Where(p => export.TryGetValue(p.Key, out var e) && e != p.Value)
            .Select(p => Sample(p.Key, p.Value, export[p.Key]));
        return new(Ordered(missingExports), Ordered(missingImports), Ordered(mismatched));
    }

    private static RecordSample Sample((string Database, string Collection, string Id) key, long? import, long? export) =>
        new() { Database = key.Database, Collection = key.Collection, Id = key.Id, ImportTimestamp = import, ExportTimestamp = export };

    private static List<RecordSample> Ordered(IEnumerable<RecordSample> samples) => samples
        .OrderBy(s => s.Id, StringComparer.Ordinal)
        .ThenBy(s => s.Database, StringComparer.Ordinal)
        .ThenBy(s => s.Collection, StringComparer.Ordinal)
        .ToList();

    private static Dictionary<(string, string, string), long> Latest(IEnumerable<ManifestRow> rows) =>
        rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Max(r => r.Timestamp));
}
