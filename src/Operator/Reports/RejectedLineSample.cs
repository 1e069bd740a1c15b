using System.Text.Json.Serialization;

namespace KafkaRecon.Operator.Reports;

/// <summary>
/// One rejected line as the summary shows it: its side, reason, file and first 200 characters (the fields joined by
/// <c>|</c> again). No line number: neither engine's CSV reader reports one (see docs/comparison-semantics.md).
/// </summary>
internal sealed record RejectedLineSample(
    [property: JsonPropertyName("side")] string Side,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("sample")] string Sample);
