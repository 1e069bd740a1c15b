namespace KafkaRecon.Operator.Coalescing;

/// <summary>A batch that did not complete: its merged file, the originals involved, and why. Nothing was lost.</summary>
internal sealed record CoalesceFailure(string Target, IReadOnlyList<string> Files, string Message)
{
    public override string ToString() => $"{Target} ({Files.Count} originals): {Message}";
}
