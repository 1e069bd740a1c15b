using System.Text.Json.Serialization;

namespace KafkaRecon.Entities;

/// <summary>How the comparison matches database names across the two sides.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DatabaseNames>))]
public enum DatabaseNames
{
    /// <summary>Exactly as each side writes them.</summary>
    [JsonStringEnumMemberName("asIs")] AsIs,

    /// <summary>Every '_' read as '-' on both sides (K2HB rewrites it, HTME does not).</summary>
    [JsonStringEnumMemberName("hyphenate")] Hyphenate,
}
