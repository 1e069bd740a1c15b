using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Sql;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>Computes the run's <see cref="ReportSummary"/> from the counts table with the summary SQL.</summary>
internal static class DuckDbSummaryQueries
{
    public static ReportSummary Build(
        DuckDbSession session, SqlParameters parameters, PhaseContext context, CancellationToken cancellationToken)
    {
        var totals = new List<long>();
        session.Query(ReportSql.Summary(ReportSql.SummaryTotals, parameters),
            reader => totals.AddRange(Enumerable.Range(0, reader.FieldCount).Select(reader.GetInt64)), cancellationToken);

        var collections = new List<CollectionCounts>();
        session.Query(ReportSql.Summary(ReportSql.SummaryCollections, parameters), reader => collections.Add(new CollectionCounts
        {
            Database = reader.GetString(0),
            Collection = reader.GetString(1),
            Imported = reader.GetInt64(2),
            Exported = reader.GetInt64(3),
            MissingExports = reader.GetInt64(4),
            MissingImports = reader.GetInt64(5),
            MismatchedEarlierInImport = reader.GetInt64(6),
            MismatchedEarlierInExport = reader.GetInt64(7),
        }), cancellationToken);

        var missingCollections = new List<CollectionKey>();
        session.Query(ReportSql.Summary(ReportSql.SummaryMissingCollections, parameters),
            reader => missingCollections.Add(new CollectionKey(reader.GetString(0), reader.GetString(1))), cancellationToken);

        var missingDatabases = new List<string>();
        session.Query(ReportSql.Summary(ReportSql.SummaryMissingDatabases, parameters),
            reader => missingDatabases.Add(reader.GetString(0)), cancellationToken);

        return SummaryAssembly.From(context, totals, collections, missingCollections, missingDatabases);
    }
}
