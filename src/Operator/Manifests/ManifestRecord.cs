namespace KafkaRecon.Operator.Manifests;

/// <summary>
/// One record of a manifest as the readers see it: the 1-based line it starts on, its bytes
/// [<see cref="Start"/>, <see cref="End"/>) in the (decompressed) file, line end included, and either its fields or
/// the reason it cannot be read (<see cref="UnreadableReason"/>) and its <see cref="SampleText"/> (empty for a readable
/// record: only rejected lines are shown).
/// </summary>
internal sealed record ManifestRecord(long Line, long Start, long End, IReadOnlyList<string>? Fields, string? Reason, string Sample)
{
    public bool IsReadable => Reason is null;
}
