namespace KafkaRecon.Operator.Coalescing;

/// <summary>Where a byte or line of a merged file came from: the original file's name and its 1-based line number.</summary>
internal sealed record OriginalPosition(string Original, long Line);
