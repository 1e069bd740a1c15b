using System.ComponentModel;
using System.Text.Json.Serialization;

namespace KafkaRecon.Entities;

[Description("One comparison of the window: the first verdict or a recheck (spec.recheck).")]
public sealed class CheckRecord
{
    [JsonPropertyName("number")]
    [Description("1 for the first verdict, 2 for the first recheck, and so on.")]
    public int Number { get; set; }

    [JsonPropertyName("time")]
    [Description("When the check's verdict was reached.")]
    public DateTimeOffset Time { get; set; }

    [JsonPropertyName("runId")]
    [Description("The run id (and so the run folder) the check's tables and report are under.")]
    public string? RunId { get; set; }

    [JsonPropertyName("verdict")]
    [Description("Succeeded or Failed.")]
    public string Verdict { get; set; } = "";

    [JsonPropertyName("reason")]
    [Description("Why it failed (the Ready condition's reason), if it did.")]
    public string? Reason { get; set; }

    [JsonPropertyName("missingExports")]
    [Description("Imported records missing from the export; unset when the check could not compare.")]
    public long? MissingExports { get; set; }

    [JsonPropertyName("missingImports")]
    [Description("Exported records missing from the import; unset when the check could not compare.")]
    public long? MissingImports { get; set; }

    [JsonPropertyName("recovered")]
    [Description("Records an earlier check found missing that arrived late (fewer missing exports and imports than the previous check).")]
    public long Recovered { get; set; }
}
