using System.Text.Json.Serialization;

namespace KafkaRecon.Operator.Reports;

/// <summary>How many lines of one side were rejected for one reason (docs/comparison-semantics.md, "Rejected lines").</summary>
internal sealed record RejectedLineCount(
    [property: JsonPropertyName("side")] string Side,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("lines")] long Lines);
