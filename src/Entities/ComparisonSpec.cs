using System.ComponentModel;
using System.Text.Json.Serialization;

namespace KafkaRecon.Entities;

[Description("How records of the two sides are matched.")]
public sealed class ComparisonSpec
{
    [JsonPropertyName("databaseNames")]
    [Description("How database names are compared: 'asIs' (exactly as written) or 'hyphenate' (every '_' read as '-' on both sides: K2HB rewrites '_' to '-' in database names and HTME does not, which otherwise shows as paired missing imports and exports). The counts table and the summary keep each side's own spelling.")]
    [DefaultValue(DatabaseNames.AsIs)]
    public DatabaseNames DatabaseNames { get; set; } = DatabaseNames.AsIs;
}
