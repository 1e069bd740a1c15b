using System.Text.Json.Serialization;

namespace KafkaRecon.Entities;

/// <summary>
/// A run's totals over all collections: the one model the summary file, <c>status.results</c>, the metrics and the
/// Slack message share. A new total is added here, produced by the summary SQL and <c>SummaryAssembly</c>, and shown
/// by whichever consumer wants it.
/// </summary>
public record RunTotals
{
    [JsonPropertyName("imported")] public long Imported { get; set; }
    [JsonPropertyName("exported")] public long Exported { get; set; }
    [JsonPropertyName("missingExports")] public long MissingExports { get; set; }
    [JsonPropertyName("missingImports")] public long MissingImports { get; set; }
    [JsonPropertyName("mismatchedTimestamps")] public long MismatchedTimestamps { get; set; }
    [JsonPropertyName("mismatchedEarlierInImport")] public long MismatchedEarlierInImport { get; set; }
    [JsonPropertyName("mismatchedEarlierInExport")] public long MismatchedEarlierInExport { get; set; }
    [JsonPropertyName("missingCollections")] public long MissingCollections { get; set; }
    [JsonPropertyName("missingDatabases")] public long MissingDatabases { get; set; }
    /// <summary>Manifest lines read but not compared (both sides): see docs/comparison-semantics.md, "Rejected lines".</summary>
    [JsonPropertyName("rejectedLines")] public long RejectedLines { get; set; }
    /// <summary>Imported ids seen on more than one line in the window (never fatal; a rising count hints at retries).</summary>
    [JsonPropertyName("duplicateImports")] public long DuplicateImports { get; set; }
    /// <summary>Exported ids seen on more than one line in the window (never fatal).</summary>
    [JsonPropertyName("duplicateExports")] public long DuplicateExports { get; set; }

    /// <summary>The totals in words, for condition messages and events.</summary>
    public string Describe() =>
        $"imported {Imported}, exported {Exported}, missing exports {MissingExports}, " +
        $"missing imports {MissingImports}, mismatched timestamps {MismatchedTimestamps}, " +
        $"missing collections {MissingCollections}, missing databases {MissingDatabases}, " +
        $"rejected lines {RejectedLines}";
}
