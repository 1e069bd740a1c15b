using KafkaRecon.Entities;
using System.Text.Json.Serialization;

namespace KafkaRecon.Operator.Reports;

/// <summary>
/// The machine-friendly outcome of a run (<c>&lt;run&gt;_summary.json</c>): totals over all collections, every
/// collection's counts, and which report queries failed. Verification, status, metrics and Slack read only this.
/// </summary>
internal sealed record ReportSummary
{
    [JsonPropertyName("runId")] public required string RunId { get; init; }
    [JsonPropertyName("windowStart")] public required DateTimeOffset WindowStart { get; init; }
    [JsonPropertyName("windowEnd")] public required DateTimeOffset WindowEnd { get; init; }
    [JsonPropertyName("marginMinutes")] public int MarginMinutes { get; init; }
    [JsonPropertyName("totals")] public required RunTotals Totals { get; init; }
    [JsonPropertyName("collections")] public IReadOnlyList<CollectionCounts> Collections { get; init; } = [];
    [JsonPropertyName("missingDatabases")] public IReadOnlyList<string> MissingDatabases { get; init; } = [];
    [JsonPropertyName("missingCollections")] public IReadOnlyList<CollectionKey> MissingCollections { get; init; } = [];
    [JsonPropertyName("rejectedLines")] public IReadOnlyList<RejectedLineCount> RejectedLines { get; init; } = [];
    [JsonPropertyName("rejectedSamples")] public IReadOnlyList<RejectedLineSample> RejectedSamples { get; init; } = [];
    /// <summary>The first records of each discrepancy, smallest ids first (<c>spec.verification.sampleSize</c> each).</summary>
    [JsonPropertyName("samples")] public RecordSamples Samples { get; init; } = new();
    [JsonPropertyName("partial")] public bool Partial { get; init; }
    [JsonPropertyName("failedQueries")] public IReadOnlyList<string> FailedQueries { get; init; } = [];
    [JsonPropertyName("reportLocation")] public string? ReportLocation { get; init; }
}

/// <summary>One row of the counts table, as the summary keeps it.</summary>
internal sealed record CollectionCounts
{
    [JsonPropertyName("database")] public required string Database { get; init; }
    [JsonPropertyName("collection")] public required string Collection { get; init; }
    [JsonPropertyName("imported")] public long Imported { get; init; }
    [JsonPropertyName("exported")] public long Exported { get; init; }
    [JsonPropertyName("missingExports")] public long MissingExports { get; init; }
    [JsonPropertyName("missingImports")] public long MissingImports { get; init; }
    [JsonPropertyName("mismatchedEarlierInImport")] public long MismatchedEarlierInImport { get; init; }
    [JsonPropertyName("mismatchedEarlierInExport")] public long MismatchedEarlierInExport { get; init; }
    [JsonPropertyName("duplicateImports")] public long DuplicateImports { get; init; }
    [JsonPropertyName("duplicateExports")] public long DuplicateExports { get; init; }
    /// <summary>The database as the import side writes it; differs from <see cref="Database"/> only when names are hyphenated.</summary>
    [JsonPropertyName("importDatabase")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ImportDatabase { get; init; }
    /// <summary>The database as the export side writes it.</summary>
    [JsonPropertyName("exportDatabase")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExportDatabase { get; init; }

    [JsonIgnore] public long MismatchedTimestamps => MismatchedEarlierInImport + MismatchedEarlierInExport;

    /// <summary>The collection as status, metrics and Slack show it.</summary>
    public CollectionResult ToResult() => new()
    {
        Database = Database,
        Collection = Collection,
        Imported = Imported,
        Exported = Exported,
        MissingExports = MissingExports,
        MissingImports = MissingImports,
        MismatchedTimestamps = MismatchedTimestamps,
        DuplicateImports = DuplicateImports,
        DuplicateExports = DuplicateExports,
    };
}

internal sealed record CollectionKey(
    [property: JsonPropertyName("database")] string Database,
    [property: JsonPropertyName("collection")] string Collection);
