using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// The four result tables as Athena external tables over a run's Parquet folders. Column names and types follow
/// docs/comparison-semantics.md (what the transform SQL writes).
/// </summary>
internal static class AthenaTableDefinitions
{
    private static readonly IReadOnlyDictionary<string, (string Name, string Type)[]> Columns =
        new Dictionary<string, (string, string)[]>
        {
            [RunLayout.MissingImportsTable] =
            [
                ("id", "string"), ("database", "string"), ("collection", "string"), ("export_timestamp", "bigint"),
                ("export_component", "string"), ("export_type", "string"),
            ],
            [RunLayout.MissingExportsTable] =
            [
                ("id", "string"), ("database", "string"), ("collection", "string"), ("import_timestamp", "bigint"),
                ("import_component", "string"), ("import_type", "string"),
            ],
            [RunLayout.MismatchedTimestampsTable] =
            [
                ("id", "string"), ("database", "string"), ("collection", "string"), ("import_timestamp", "bigint"),
                ("import_source", "string"), ("import_component", "string"), ("import_type", "string"),
                ("export_timestamp", "bigint"), ("export_source", "string"), ("export_component", "string"),
                ("export_type", "string"), ("earliest_timestamp", "bigint"), ("latest_timestamp", "bigint"),
                ("earliest_manifest", "string"),
            ],
            [RunLayout.CountsTable] =
            [
                ("database_collection", "string"), ("database", "string"), ("collection", "string"),
                ("imported_count", "bigint"), ("exported_count", "bigint"), ("exported_count_from_data_load", "bigint"),
                ("exported_count_from_streaming_feed", "bigint"), ("missing_imported_count", "bigint"),
                ("missing_exported_count", "bigint"), ("mismatched_timestamps_earlier_in_import_count", "bigint"),
                ("mismatched_timestamps_earlier_in_export_count", "bigint"), ("latest_import_timestamp", "bigint"),
                ("earliest_import_timestamp", "bigint"), ("latest_export_timestamp", "bigint"),
                ("earliest_export_timestamp", "bigint"), ("duplicate_imported_count", "bigint"),
                ("duplicate_exported_count", "bigint"), ("import_database", "string"), ("export_database", "string"),
            ],
            [RunLayout.RejectedLinesTable] =
            [
                ("side", "string"), ("reason", "string"), ("file", "string"), ("line_number", "bigint"), ("sample", "string"),
            ],
        };

    /// <summary>The run's name for a table: never shared with another run.</summary>
    public static string TableName(string table, string runId) =>
        AthenaIdentifier.Validate($"{table}_{AwsNames.TableSuffix(runId)}", "table name");

    public static string CreateStatement(string database, string table, string runId, string location)
    {
        if (!location.StartsWith("s3://", StringComparison.Ordinal) || location.Contains('\''))
        {
            throw new ArgumentException($"Table location '{location}' must be an s3:// URL without quotes.");
        }
        var columns = string.Join(",\n  ", Columns[table].Select(c => $"`{c.Name}` {c.Type}"));
        return $"""
                CREATE EXTERNAL TABLE IF NOT EXISTS {AthenaIdentifier.QuoteDdl(database, "spec.query.database")}.{AthenaIdentifier.QuoteDdl(TableName(table, runId), "table name")} (
                  {columns}
                )
                STORED AS PARQUET
                LOCATION '{location.TrimEnd('/')}/'
                TBLPROPERTIES ('classification' = 'parquet')
                """;
    }
}
