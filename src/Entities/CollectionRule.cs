using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using KafkaRecon.Entities.Crd;

namespace KafkaRecon.Entities;

[Description("Own thresholds for the collections it matches, or ignore: true to leave them out of the verdict " +
             "(known test collections). The first entry whose database and collection patterns both match a " +
             "collection decides for it. Limits apply to each matching collection on its own; an unset limit " +
             "falls back to the spec-wide one. Collections no entry matches are judged together by the spec-wide " +
             "thresholds. Totals in the status always count every collection.")]
[ValidationRule("!(has(self.ignore) && self.ignore) || (!has(self.maxMissingExports) && !has(self.maxMissingImports) && !has(self.maxMismatchedTimestamps))",
    "an ignored collection rule takes no limits")]
public sealed class CollectionRule
{
    public const string PatternDescription = "Glob pattern: '*' matches any characters, '?' one; everything else literally, case-sensitive.";

    [JsonPropertyName("database")]
    [Description("Database name pattern. " + PatternDescription)]
    [Required]
    [MinLength(1)]
    [MaxLength(256)]
    public string Database { get; set; } = "";

    [JsonPropertyName("collection")]
    [Description("Collection name pattern. " + PatternDescription)]
    [Required]
    [MinLength(1)]
    [MaxLength(256)]
    public string Collection { get; set; } = "";

    [JsonPropertyName("ignore")]
    [Description("Leave the matching collections out of the verdict (their records still count in the totals).")]
    [DefaultValue(false)]
    public bool Ignore { get; set; }

    [JsonPropertyName("maxMissingExports")]
    [Description("Most imported records of one matching collection allowed to be missing from the export.")]
    [Range(0, long.MaxValue)]
    public long? MaxMissingExports { get; set; }

    [JsonPropertyName("maxMissingImports")]
    [Description("Most exported records of one matching collection allowed to be missing from the import.")]
    [Range(0, long.MaxValue)]
    public long? MaxMissingImports { get; set; }

    [JsonPropertyName("maxMismatchedTimestamps")]
    [Description("Most records of one matching collection allowed with different timestamps on each side.")]
    [Range(0, long.MaxValue)]
    public long? MaxMismatchedTimestamps { get; set; }

    /// <summary>The rule as messages name it.</summary>
    public string Describe(int index) =>
        $"spec.verification.collections[{index}] (database '{Database}', collection '{Collection}')";
}
