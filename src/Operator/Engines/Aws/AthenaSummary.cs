using System.Globalization;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Sql;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// The run's <see cref="ReportSummary"/> from the result rows of the four <c>Sql/summary/</c> queries as Athena
/// returns them (every value a string), built field for field like the embedded engine's summary.
/// </summary>
internal static class AthenaSummary
{
    /// <summary>The summary queries, in the order the runner starts them.</summary>
    public static readonly IReadOnlyList<string> Queries =
    [
        ReportSql.SummaryTotals, ReportSql.SummaryCollections, ReportSql.SummaryMissingCollections,
        ReportSql.SummaryMissingDatabases,
    ];

    /// <param name="rows">Rows of each of <see cref="Queries"/>, by its path.</param>
    public static ReportSummary Build(PhaseContext context, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>> rows)
    {
        var totalsRows = rows[ReportSql.SummaryTotals];
        if (totalsRows.Count != 1 || totalsRows[0].Count < 6)
        {
            throw new FormatException(
                $"{ReportSql.SummaryTotals} returned {totalsRows.Count} row(s); expected exactly one row of six totals.");
        }
        var totals = totalsRows[0].Select((value, column) => Long(value, ReportSql.SummaryTotals, column)).ToList();
        var collections = rows[ReportSql.SummaryCollections].Select(row => new CollectionCounts
        {
            Database = Text(row, 0),
            Collection = Text(row, 1),
            Imported = Long(row[2], ReportSql.SummaryCollections, 2),
            Exported = Long(row[3], ReportSql.SummaryCollections, 3),
            MissingExports = Long(row[4], ReportSql.SummaryCollections, 4),
            MissingImports = Long(row[5], ReportSql.SummaryCollections, 5),
            MismatchedEarlierInImport = Long(row[6], ReportSql.SummaryCollections, 6),
            MismatchedEarlierInExport = Long(row[7], ReportSql.SummaryCollections, 7),
        }).ToList();
        var missingCollections = rows[ReportSql.SummaryMissingCollections]
            .Select(row => new CollectionKey(Text(row, 0), Text(row, 1))).ToList();
        var missingDatabases = rows[ReportSql.SummaryMissingDatabases].Select(row => Text(row, 0)).ToList();
        return SummaryAssembly.From(context, totals, collections, missingCollections, missingDatabases);
    }

    private static string Text(IReadOnlyList<string?> row, int column) => row[column] ?? "";

    private static long Long(string? value, string query, int column) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{query} column {column} is '{value ?? "NULL"}'; expected an integer.");
}
