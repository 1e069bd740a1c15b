using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// PLACEHOLDER for the lead to replace at merge with the catalog over <c>src/Operator/Sql/</c> (the ETL helper's
/// report queries). Two queries, enough for the Athena runner and its tests.
/// </summary>
internal sealed class PlaceholderReportQueryCatalog : IReportQueryCatalog
{
    public const string CollectionCounts = "Collection counts";
    public const string MissingExports = "Missing exports";

    public IReadOnlyList<ReportQuery> Select(QuerySpec spec) =>
    [
        new(CollectionCounts, 1,
            "SELECT database, collection, imported_count, exported_count, missing_exported_count, " +
            "missing_imported_count, mismatched_timestamps_earlier_in_import_count, " +
            "mismatched_timestamps_earlier_in_export_count FROM {{counts}} ORDER BY database, collection"),
        new(MissingExports, 2,
            "SELECT database, collection, id FROM {{missing_exports}} ORDER BY database, collection, id " +
            "LIMIT {{ids_per_collection}}"),
    ];
}
