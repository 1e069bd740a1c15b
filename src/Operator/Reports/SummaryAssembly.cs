using System.Globalization;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Sql;

namespace KafkaRecon.Operator.Reports;

/// <summary>
/// Builds a run's summary from the result rows of the <c>Sql/summary/</c> queries, whichever engine ran them.
/// Every value arrives as text (Athena's form; DuckDB's values are formatted the same way), so both engines share
/// one parser and one set of errors. The totals row's columns are, in order: imported, exported, missing exports,
/// missing imports, earlier in import, earlier in export, duplicate imports, duplicate exports.
/// </summary>
internal static class SummaryAssembly
{
    /// <summary>The summary queries, in the order the engines run them.</summary>
    public static readonly IReadOnlyList<string> Queries =
    [
        ReportSql.SummaryTotals, ReportSql.SummaryCollections, ReportSql.SummaryMissingCollections,
        ReportSql.SummaryMissingDatabases, ReportSql.SummaryRejectedLines, ReportSql.SummaryRejectedSamples,
        ReportSql.SummaryMissingExportSamples, ReportSql.SummaryMissingImportSamples,
        ReportSql.SummaryMismatchedTimestampSamples,
    ];

    /// <summary>
    /// The record-sample queries: they read the detail tables, so when one cannot be read (the report is partial
    /// then) the summary is still built, without that category's samples. Verification never reads samples.
    /// </summary>
    public static bool IsOptional(string path) => SampleCategories.All.Any(category => SampleCategories.Query(category) == path);

    /// <param name="rows">Rows of each of <see cref="Queries"/>, by its path (optional ones may be absent).</param>
    /// <exception cref="FormatException">A query returned a row that does not have the expected shape.</exception>
    public static ReportSummary From(
        string runId, ResolvedWindow window, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>> rows)
    {
        var totalsRows = rows[ReportSql.SummaryTotals];
        if (totalsRows.Count != 1 || totalsRows[0].Count < 8)
        {
            throw new FormatException(
                $"{ReportSql.SummaryTotals} returned {totalsRows.Count} row(s); expected exactly one row of eight totals.");
        }
        var totals = totalsRows[0].Select((value, column) => Long(value, ReportSql.SummaryTotals, column)).ToList();
        var collections = rows[ReportSql.SummaryCollections].Select(row => new CollectionCounts
        {
            Database = Text(row, 0),
            Collection = Text(row, 1),
            Imported = Long(row, ReportSql.SummaryCollections, 2),
            Exported = Long(row, ReportSql.SummaryCollections, 3),
            MissingExports = Long(row, ReportSql.SummaryCollections, 4),
            MissingImports = Long(row, ReportSql.SummaryCollections, 5),
            MismatchedEarlierInImport = Long(row, ReportSql.SummaryCollections, 6),
            MismatchedEarlierInExport = Long(row, ReportSql.SummaryCollections, 7),
            DuplicateImports = Long(row, ReportSql.SummaryCollections, 8),
            DuplicateExports = Long(row, ReportSql.SummaryCollections, 9),
            ImportDatabase = Optional(row, 10),
            ExportDatabase = Optional(row, 11),
        }).ToList();
        var missingCollections = rows[ReportSql.SummaryMissingCollections]
            .Select(row => new CollectionKey(Text(row, 0), Text(row, 1))).ToList();
        var missingDatabases = rows[ReportSql.SummaryMissingDatabases].Select(row => Text(row, 0)).ToList();
        var rejected = rows[ReportSql.SummaryRejectedLines].Select(row => new RejectedLineCount(
            Text(row, 0), Text(row, 1), Long(row, ReportSql.SummaryRejectedLines, 2))).ToList();
        var samples = rows[ReportSql.SummaryRejectedSamples].Select(row => new RejectedLineSample(
            Text(row, 0), Text(row, 1), Text(row, 2), Text(row, 3),
            Optional(row, 4) is { } line ? Long(line, ReportSql.SummaryRejectedSamples, 4) : null)).ToList();
        return new ReportSummary
        {
            RunId = runId,
            WindowStart = window.Start,
            WindowEnd = window.End,
            MarginMinutes = window.MarginMinutes,
            Totals = new RunTotals
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
                RejectedLines = rejected.Sum(r => r.Lines),
                DuplicateImports = totals[6],
                DuplicateExports = totals[7],
            },
            Collections = collections,
            MissingCollections = missingCollections,
            MissingDatabases = missingDatabases,
            RejectedLines = rejected,
            RejectedSamples = samples,
            Samples = RecordSampleRows.From(rows),
        };
    }

    private static string Text(IReadOnlyList<string?> row, int column) => column < row.Count ? row[column] ?? "" : "";

    private static string? Optional(IReadOnlyList<string?> row, int column) =>
        column < row.Count && !string.IsNullOrEmpty(row[column]) ? row[column] : null;

    private static long Long(IReadOnlyList<string?> row, string query, int column) =>
        column < row.Count
            ? Long(row[column], query, column)
            : throw new FormatException($"{query} returned a row of {row.Count} column(s); expected at least {column + 1}.");

    private static long Long(string? value, string query, int column) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{query} column {column} is '{value ?? "NULL"}'; expected an integer.");
}
