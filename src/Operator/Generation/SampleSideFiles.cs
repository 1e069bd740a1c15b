using System.Text.Json.Serialization;

namespace KafkaRecon.Operator.Generation;

/// <summary>What one side of the sample holds on disk (bytes before compression).</summary>
internal sealed record SampleSideFiles(
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("files")] long Files,
    [property: JsonPropertyName("gzipFiles")] long GzipFiles,
    [property: JsonPropertyName("lines")] long Lines,
    [property: JsonPropertyName("bytes")] long Bytes)
{
    public static SampleSideFiles Of(string location, SampleFileStats stats) =>
        new(location, stats.Files, stats.GzipFiles, stats.Lines, stats.Bytes);
}
