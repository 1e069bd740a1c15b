using KafkaRecon.Entities;
using System.Text.Json.Serialization;
using KafkaRecon.Operator.Reports;

namespace KafkaRecon.Operator.Generation;

/// <summary>
/// <c>truth.json</c>: what a correct reconciliation of the sample reports, with the totals and per-collection counts
/// under the names of <see cref="ReportSummary"/>, plus what was written.
/// </summary>
internal sealed record SampleTruth
{
    [JsonPropertyName("seed")] public long Seed { get; init; }
    [JsonPropertyName("records")] public long Records { get; init; }
    [JsonPropertyName("missingPercent")] public double MissingPercent { get; init; }
    [JsonPropertyName("windowStart")] public DateTimeOffset WindowStart { get; init; }
    [JsonPropertyName("windowEnd")] public DateTimeOffset WindowEnd { get; init; }
    [JsonPropertyName("marginMinutes")] public int MarginMinutes { get; init; }
    [JsonPropertyName("totals")] public required RunTotals Totals { get; init; }
    [JsonPropertyName("collections")] public IReadOnlyList<CollectionCounts> Collections { get; init; } = [];
    [JsonPropertyName("missingDatabases")] public IReadOnlyList<string> MissingDatabases { get; init; } = [];
    [JsonPropertyName("missingCollections")] public IReadOnlyList<CollectionKey> MissingCollections { get; init; } = [];
    [JsonPropertyName("import")] public required SampleSideFiles Import { get; init; }
    [JsonPropertyName("export")] public required SampleSideFiles Export { get; init; }
}
