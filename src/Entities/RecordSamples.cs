using System.ComponentModel;
using System.Text.Json.Serialization;

namespace KafkaRecon.Entities;

[Description("Up to spec.verification.sampleSize records of each kind of discrepancy, smallest ids first (then database, collection). 'kafka-recon results RUN --missing exports|imports|timestamps' lists all of them.")]
public sealed record RecordSamples
{
    [JsonPropertyName("missingExports")]
    [Description("Imported records missing from the export.")]
    public IList<RecordSample> MissingExports { get; set; } = new List<RecordSample>();

    [JsonPropertyName("missingImports")]
    [Description("Exported records missing from the import.")]
    public IList<RecordSample> MissingImports { get; set; } = new List<RecordSample>();

    [JsonPropertyName("mismatchedTimestamps")]
    [Description("Records whose import and export timestamps differ.")]
    public IList<RecordSample> MismatchedTimestamps { get; set; } = new List<RecordSample>();
}
