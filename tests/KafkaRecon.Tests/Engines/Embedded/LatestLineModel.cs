using System.Globalization;

namespace KafkaRecon.Tests.Engines.Embedded;

/// <summary>One generated manifest line, every field valid (the rejection rules have their own tests).</summary>
internal sealed record ModelManifestLine(
    string Id, long Timestamp, string Database, string Collection, string Source, string Component, string Type)
{
    public string Import() =>
        ManifestLine.Import(Id, Timestamp, Database, Collection, Source, Component, Type);

    public string Export() =>
        ManifestLine.Export(Id, Timestamp, Database, Collection, Component, Type, Source);
}

/// <summary>
/// The result tables as docs/comparison-semantics.md defines them, computed plainly in memory with no SQL: each side
/// keeps per (database, collection, id) its latest line, ties broken by the smallest (source, component, type). The
/// independent judge of the narrow de-duplication (key → latest timestamp, then the payload of differing ids only).
/// </summary>
internal static class LatestLineModel
{
    public sealed record Tables(
        IReadOnlyList<string> MissingExports, IReadOnlyList<string> MissingImports, IReadOnlyList<string> Mismatched,
        IReadOnlyList<string> Counts);

    private sealed record Latest(ModelManifestLine Line, int Lines);

    public static Tables Compute(IReadOnlyList<ModelManifestLine> import, IReadOnlyList<ModelManifestLine> export,
        long startMs, long endMs)
    {
        var imports = Side(import, startMs, endMs);
        var exports = Side(export, startMs, endMs);
        var both = imports.Keys.Where(exports.ContainsKey).Select(k => (k.Database, k.Collection)).ToHashSet();
        var missingExports = imports.Where(p => !exports.ContainsKey(p.Key) && both.Contains((p.Key.Database, p.Key.Collection)))
            .Select(p => Row(p.Value.Line.Id, p.Key.Database, p.Key.Collection, p.Value.Line.Timestamp,
                p.Value.Line.Component, p.Value.Line.Type));
        var missingImports = exports.Where(p => !imports.ContainsKey(p.Key) && both.Contains((p.Key.Database, p.Key.Collection)))
            .Select(p => Row(p.Value.Line.Id, p.Key.Database, p.Key.Collection, p.Value.Line.Timestamp,
                p.Value.Line.Component, p.Value.Line.Type));
        var mismatched = imports
            .Where(p => exports.TryGetValue(p.Key, out var e) && e.Line.Timestamp != p.Value.Line.Timestamp)
            .Select(p => (Import: p.Value.Line, Export: exports[p.Key].Line))
            .Select(m => Row(m.Import.Id, m.Import.Database, m.Import.Collection,
                m.Import.Timestamp, m.Import.Source, m.Import.Component, m.Import.Type,
                m.Export.Timestamp, m.Export.Source, m.Export.Component, m.Export.Type,
                Math.Min(m.Import.Timestamp, m.Export.Timestamp), Math.Max(m.Import.Timestamp, m.Export.Timestamp),
                m.Import.Timestamp < m.Export.Timestamp ? "import" : "export"));
        var collections = imports.Keys.Concat(exports.Keys).Select(k => (k.Database, k.Collection)).Distinct();
        var counts = collections.Select(c =>
        {
            var i = imports.Where(p => (p.Key.Database, p.Key.Collection) == c).ToList();
            var e = exports.Where(p => (p.Key.Database, p.Key.Collection) == c).ToList();
            var dataLoad = e.Count(p => p.Value.Line.Component.ToLowerInvariant() is "hdi" or "k2hb");
            var bothIds = i.Where(p => exports.ContainsKey(p.Key)).ToList();
            return Row(c.Database, c.Collection, i.Count, e.Count, dataLoad, e.Count - dataLoad,
                e.Count(p => !imports.ContainsKey(p.Key)), i.Count(p => !exports.ContainsKey(p.Key)),
                bothIds.Count(p => p.Value.Line.Timestamp < exports[p.Key].Line.Timestamp),
                bothIds.Count(p => p.Value.Line.Timestamp > exports[p.Key].Line.Timestamp));
        });
        return new(Sorted(missingExports), Sorted(missingImports), Sorted(mismatched), Sorted(counts));
    }

    private static Dictionary<(string Database, string Collection, string Id), Latest> Side(
        IReadOnlyList<ModelManifestLine> lines, long startMs, long endMs) =>
        lines.Where(l => l.Timestamp >= startMs && l.Timestamp < endMs)
            .GroupBy(l => (l.Database, l.Collection, l.Id))
            .ToDictionary(g => g.Key, g => new Latest(g
                .OrderByDescending(l => l.Timestamp)
                .ThenBy(l => l.Source, StringComparer.Ordinal)
                .ThenBy(l => l.Component, StringComparer.Ordinal)
                .ThenBy(l => l.Type, StringComparer.Ordinal)
                .First(), g.Count()));

    private static string Row(params object[] fields) =>
        string.Join("|", fields.Select(f => Convert.ToString(f, CultureInfo.InvariantCulture)));

    private static List<string> Sorted(IEnumerable<string> rows) => rows.Order(StringComparer.Ordinal).ToList();
}
