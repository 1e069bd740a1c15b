using System.ComponentModel;
using System.Text.Json.Serialization;

namespace KafkaRecon.Entities;

[Description("The run's input listing: what each side's engine read and what the listing passed over.")]
public sealed record RunInputs
{
    [JsonPropertyName("import")] public InputTotals Import { get; init; } = new();
    [JsonPropertyName("export")] public InputTotals Export { get; init; } = new();

    [JsonPropertyName("fingerprint")]
    [Description("Hash of the spec fields that shape the comparison and of the listing (names, sizes, times); " +
                 "results are reused only under the same fingerprint.")]
    public string? Fingerprint { get; init; }
}

[Description("One side's listed files.")]
public sealed record InputTotals
{
    [JsonPropertyName("files")] public long Files { get; init; }
    [JsonPropertyName("bytes")] public long Bytes { get; init; }

    [JsonPropertyName("skippedFiles")]
    [Description("Files not read: the sum of skippedOlder, skippedHidden and skippedLinks.")]
    public long SkippedFiles { get; init; }

    [JsonPropertyName("skippedOlder")]
    [Description("Files last modified before the window (less margin and slack): they cannot hold its records.")]
    public long SkippedOlder { get; init; }

    [JsonPropertyName("skippedHidden")]
    [Description("Files whose name, or a folder's, starts with . or _ (Spark's rule, kept by every engine).")]
    public long SkippedHidden { get; init; }

    [JsonPropertyName("skippedLinks")]
    [Description("Symbolic links, never followed.")]
    public long SkippedLinks { get; init; }
}
