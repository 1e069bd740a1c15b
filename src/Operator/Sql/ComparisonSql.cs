using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Sql;

/// <summary>
/// The comparison ETL as an ordered list of SELECTs over two raw relations of eight VARCHAR columns c0..c7 and the
/// VARCHAR column <see cref="FileColumn"/> (the file a line came from),
/// <see cref="ImportRaw"/> and <see cref="ExportRaw"/>, which each engine registers from the manifests.
/// </summary>
internal static class ComparisonSql
{
    public const string ImportRaw = "import_manifest_raw";
    public const string ExportRaw = "export_manifest_raw";
    public const int RawColumnCount = 8;
    public const string FileColumn = "file";

    public const string WindowStartParameter = "window_start_ms";
    public const string WindowEndParameter = "window_end_ms";

    public static readonly IReadOnlyList<ComparisonStep> Steps =
    [
        new(RunLayout.RejectedLinesTable, ComparisonStepKind.Output),
        new("import_side", ComparisonStepKind.Shared),
        new("export_side", ComparisonStepKind.Shared),
        new("differences", ComparisonStepKind.Shared),
        new("import_counts", ComparisonStepKind.Shared) { Releases = ["import_side"] },
        new("export_counts", ComparisonStepKind.Shared) { Releases = ["export_side"] },
        new("collection_counts", ComparisonStepKind.Shared) { Releases = ["import_counts", "export_counts"] },
        new("collections_in_both", ComparisonStepKind.Shared),
        new(RunLayout.MissingImportsTable, ComparisonStepKind.Output),
        new(RunLayout.MissingExportsTable, ComparisonStepKind.Output),
        new(RunLayout.MismatchedTimestampsTable, ComparisonStepKind.Output),
        new(RunLayout.CountsTable, ComparisonStepKind.Output),
    ];

    /// <summary>The window as the SQL sees it: <c>start_ms &lt;= timestamp &lt; end_ms + margin</c>.</summary>
    public static SqlParameters Parameters(IdentifierQuoting quoting, DateTimeOffset start, DateTimeOffset end, int marginMinutes) =>
        new SqlParameters(quoting)
            .WithInteger(WindowStartParameter, start.ToUnixTimeMilliseconds())
            .WithInteger(WindowEndParameter, end.ToUnixTimeMilliseconds() + marginMinutes * 60_000L);
}
