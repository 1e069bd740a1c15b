using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;

namespace KafkaRecon.Operator.Generation;

/// <summary>
/// Turns per-collection tallies into the summary's shapes: counts rows, totals summed over all of them, missing
/// collections (imported, nothing exported) and missing databases (the same, summed over the database).
/// </summary>
internal static class TruthTotals
{
    public static IReadOnlyList<CollectionCounts> Rows(IEnumerable<(SampleCollection Collection, CollectionTally Tally)> tallies) =>
        [.. tallies.Where(t => !t.Tally.IsEmpty).Select(t => new CollectionCounts
        {
            Database = t.Collection.Database,
            Collection = t.Collection.Collection,
            Imported = t.Tally.Imported,
            Exported = t.Tally.Exported,
            MissingExports = t.Tally.MissingExports,
            MissingImports = t.Tally.MissingImports,
            MismatchedEarlierInImport = t.Tally.EarlierInImport,
            MismatchedEarlierInExport = t.Tally.EarlierInExport,
            DuplicateImports = t.Tally.DuplicateImports,
            DuplicateExports = t.Tally.DuplicateExports,
        })];

    public static IReadOnlyList<CollectionKey> MissingCollections(IReadOnlyList<CollectionCounts> rows) =>
        [.. rows.Where(r => r.Imported > 0 && r.Exported == 0).Select(r => new CollectionKey(r.Database, r.Collection))];

    public static IReadOnlyList<string> MissingDatabases(IReadOnlyList<CollectionCounts> rows) =>
        [.. rows.GroupBy(r => r.Database)
            .Where(g => g.Sum(r => r.Imported) > 0 && g.Sum(r => r.Exported) == 0)
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal)];

    public static RunTotals Totals(IReadOnlyList<CollectionCounts> rows) => new()
    {
        Imported = rows.Sum(r => r.Imported),
        Exported = rows.Sum(r => r.Exported),
        MissingExports = rows.Sum(r => r.MissingExports),
        MissingImports = rows.Sum(r => r.MissingImports),
        MismatchedEarlierInImport = rows.Sum(r => r.MismatchedEarlierInImport),
        MismatchedEarlierInExport = rows.Sum(r => r.MismatchedEarlierInExport),
        MismatchedTimestamps = rows.Sum(r => r.MismatchedEarlierInImport + r.MismatchedEarlierInExport),
        MissingCollections = MissingCollections(rows).Count,
        MissingDatabases = MissingDatabases(rows).Count,
        DuplicateImports = rows.Sum(r => r.DuplicateImports),
        DuplicateExports = rows.Sum(r => r.DuplicateExports),
    };
}
