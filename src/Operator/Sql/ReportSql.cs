using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Sql;

/// <summary>Parameters of the report and summary queries: the four result tables, the ids per collection, the window.</summary>
internal static class ReportSql
{
    public const string MissingImportsTableParameter = "missing_imports_table";
    public const string MissingExportsTableParameter = "missing_exports_table";
    public const string MismatchedTimestampsTableParameter = "mismatched_timestamps_table";
    public const string CountsTableParameter = "counts_table";
    public const string RejectedLinesTableParameter = "rejected_lines_table";
    public const string CountOfIdsParameter = "count_of_ids";
    public const string SampleSizeParameter = "sample_size";

    public const string SummaryTotals = "summary/totals.sql";
    public const string SummaryCollections = "summary/collections.sql";
    public const string SummaryMissingCollections = "summary/missing_collections.sql";
    public const string SummaryMissingDatabases = "summary/missing_databases.sql";
    public const string SummaryRejectedLines = "summary/rejected_lines.sql";
    public const string SummaryRejectedSamples = "summary/rejected_samples.sql";
    public const string SummaryMissingExportSamples = "summary/missing_export_samples.sql";
    public const string SummaryMissingImportSamples = "summary/missing_import_samples.sql";
    public const string SummaryMismatchedTimestampSamples = "summary/mismatched_timestamp_samples.sql";

    /// <param name="tableNames">Engine table name of each of <see cref="RunLayout.Tables"/>.</param>
    /// <param name="sampleSize">Rows of each record-sample query (<c>spec.verification.sampleSize</c>).</param>
    public static SqlParameters Parameters(
        IdentifierQuoting quoting, Func<string, string> tableNames, int countOfIds, DateTimeOffset windowStart,
        long sampleSize = Entities.VerificationSpec.DefaultSampleSize) =>
        new SqlParameters(quoting)
            .WithIdentifier(MissingImportsTableParameter, tableNames(RunLayout.MissingImportsTable))
            .WithIdentifier(MissingExportsTableParameter, tableNames(RunLayout.MissingExportsTable))
            .WithIdentifier(MismatchedTimestampsTableParameter, tableNames(RunLayout.MismatchedTimestampsTable))
            .WithIdentifier(CountsTableParameter, tableNames(RunLayout.CountsTable))
            .WithIdentifier(RejectedLinesTableParameter, tableNames(RunLayout.RejectedLinesTable))
            .WithInteger(CountOfIdsParameter, countOfIds)
            .WithInteger(SampleSizeParameter, sampleSize)
            .WithInteger(ComparisonSql.WindowStartParameter, windowStart.ToUnixTimeMilliseconds());

    public static string Summary(string path, SqlParameters parameters) =>
        SqlTemplate.Render(SqlResources.Read(path), parameters, path);
}
