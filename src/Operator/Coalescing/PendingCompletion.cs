namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// A merged file left by an interrupted earlier run, with the originals it was made from that still exist:
/// they are deleted once the merged file is known to hold them.
/// </summary>
internal sealed record PendingCompletion(MergedFile Merged, IReadOnlyList<ManifestFile> Leftovers);
