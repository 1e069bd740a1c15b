using System.ComponentModel;
using System.Text.Json.Serialization;

namespace KafkaRecon.Entities;

[Description("One record a person can look up: where it lives, its id and the timestamp(s) each side has.")]
public sealed record RecordSample
{
    [JsonPropertyName("database")] public string Database { get; set; } = "";
    [JsonPropertyName("collection")] public string Collection { get; set; } = "";
    [JsonPropertyName("id")] public string Id { get; set; } = "";

    [JsonPropertyName("importTimestamp")]
    [Description("Epoch milliseconds of the import (K2HB) record; unset when it was never imported.")]
    public long? ImportTimestamp { get; set; }

    [JsonPropertyName("exportTimestamp")]
    [Description("Epoch milliseconds of the export (HTME) record; unset when it was never exported.")]
    public long? ExportTimestamp { get; set; }
}
