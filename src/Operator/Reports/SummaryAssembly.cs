using KafkaRecon.Operator.Engines;

namespace KafkaRecon.Operator.Reports;

/// <summary>
/// Builds a run's summary from the four summary queries' results, whichever engine ran them. The totals row's
/// columns are, in order: imported, exported, missing exports, missing imports, earlier in import, earlier in export.
/// </summary>
internal static class SummaryAssembly
{
    public static ReportSummary From(
        PhaseContext context, IReadOnlyList<long> totals, IReadOnlyList<CollectionCounts> collections,
        IReadOnlyList<CollectionKey> missingCollections, IReadOnlyList<string> missingDatabases) => new()
    {
        RunId = context.RunId,
        WindowStart = context.Window.Start,
        WindowEnd = context.Window.End,
        MarginMinutes = context.Window.MarginMinutes,
        Totals = new ReportTotals
        {
            Imported = totals[0],
            Exported = totals[1],
            MissingExports = totals[2],
            MissingImports = totals[3],
            MismatchedEarlierInImport = totals[4],
            MismatchedEarlierInExport = totals[5],
            MismatchedTimestamps = totals[4] + totals[5],
            MissingCollections = missingCollections.Count,
            MissingDatabases = missingDatabases.Count,
        },
        Collections = collections,
        MissingCollections = missingCollections,
        MissingDatabases = missingDatabases,
    };
}
