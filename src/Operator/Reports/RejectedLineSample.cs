using System.Text.Json.Serialization;

namespace KafkaRecon.Operator.Reports;

/// <summary>
/// One rejected line as the summary shows it: its side, reason, file, 1-based line number and first 200 characters
/// (the fields joined by <c>|</c> again, or the raw line when it could not be split). A line of a merged file is shown
/// at its original file and line (<see cref="RejectedSampleLines"/>); the line is null only when the file could no
/// longer be read.
/// </summary>
internal sealed record RejectedLineSample(
    [property: JsonPropertyName("side")] string Side,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("sample")] string Sample,
    [property: JsonPropertyName("line")] long? Line = null);
