using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Sql;

/// <summary>
/// The comparison ETL as an ordered list of SELECTs over two raw relations of eight VARCHAR columns c0..c7 and the
/// VARCHAR column <see cref="FileColumn"/> (the file a line came from),
/// <see cref="ImportRaw"/> and <see cref="ExportRaw"/>, which each engine registers from the manifests.
/// Each side's lines are classified and de-duplicated narrowly (id → latest timestamp, line count) straight from the
/// text, the sides are joined and summed per collection in one statement (compared_keys), and the latest line's source,
/// component and type are fetched, by reading the text again, only for the ids that differ (bench/README.md has the
/// figures).
/// </summary>
internal static class ComparisonSql
{
    public const string ImportRaw = "import_manifest_raw";
    public const string ExportRaw = "export_manifest_raw";
    /// <summary>
    /// Lines an engine's reader could not split into eight UTF-8 fields: side, reason, file, line_number (null when
    /// the reader does not know it), sample. rejected_lines.sql counts them with the lines it rejects itself.
    /// </summary>
    public const string UnreadableLines = "unreadable_lines";
    public const string ImportSide = "import";
    public const string ExportSide = "export";
    public const int RawColumnCount = 8;
    public const string FileColumn = "file";

    public const string WindowStartParameter = "window_start_ms";
    public const string WindowEndParameter = "window_end_ms";
    /// <summary>1 when database names are compared with every '_' read as '-' (spec.comparison.databaseNames), else 0.</summary>
    public const string HyphenateParameter = "hyphenate_database_names";

    public static readonly IReadOnlyList<ComparisonStep> Steps =
    [
        new("import_classified", ComparisonStepKind.View),
        new("export_classified", ComparisonStepKind.View),
        new("compared_keys", ComparisonStepKind.Shared),
        new("collections_in_both", ComparisonStepKind.Shared),
        new("rejected_reasons", ComparisonStepKind.Shared),
        new(RunLayout.RejectedLinesTable, ComparisonStepKind.Output) { Releases = ["rejected_reasons"] },
        new("database_spellings", ComparisonStepKind.Shared),
        new("differing_keys", ComparisonStepKind.Shared),
        new("import_candidate_lines", ComparisonStepKind.Shared),
        new("import_payload", ComparisonStepKind.Shared) { Releases = ["import_candidate_lines"] },
        new("export_candidate_lines", ComparisonStepKind.Shared),
        new("export_payload", ComparisonStepKind.Shared) { Releases = ["export_candidate_lines"] },
        new("differences", ComparisonStepKind.Shared) { Releases = ["differing_keys", "import_payload"] },
        new("collection_counts", ComparisonStepKind.Shared) { Releases = ["compared_keys", "export_payload", "database_spellings"] },
        new(RunLayout.MissingImportsTable, ComparisonStepKind.Output),
        new(RunLayout.MissingExportsTable, ComparisonStepKind.Output),
        new(RunLayout.MismatchedTimestampsTable, ComparisonStepKind.Output),
        new(RunLayout.CountsTable, ComparisonStepKind.Output),
    ];

    /// <summary>
    /// The window as the SQL sees it (<c>start_ms &lt;= timestamp &lt; end_ms + margin</c>) and how database names are
    /// matched.
    /// </summary>
    public static SqlParameters Parameters(
        IdentifierQuoting quoting, DateTimeOffset start, DateTimeOffset end, int marginMinutes, DatabaseNames databaseNames) =>
        new SqlParameters(quoting)
            .WithInteger(WindowStartParameter, start.ToUnixTimeMilliseconds())
            .WithInteger(WindowEndParameter, end.ToUnixTimeMilliseconds() + marginMinutes * 60_000L)
            .WithInteger(HyphenateParameter, databaseNames == DatabaseNames.Hyphenate ? 1 : 0);
}
