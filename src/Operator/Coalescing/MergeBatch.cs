namespace KafkaRecon.Operator.Coalescing;

/// <summary>The originals to merge into <see cref="Target"/>, in order.</summary>
internal sealed record MergeBatch(string Target, IReadOnlyList<ManifestFile> Members);
