namespace KafkaRecon.Operator.Coalescing;

/// <summary>The originals to merge into <see cref="Target"/>, in order.</summary>
internal sealed record MergeBatch(string Target, IReadOnlyList<ManifestFile> Members);

/// <summary>
/// A merged file left by an interrupted earlier run, with the originals it was made from that still exist:
/// they are deleted once the merged file is known to hold them.
/// </summary>
internal sealed record PendingCompletion(MergedFile Merged, IReadOnlyList<ManifestFile> Leftovers);

/// <summary>What one coalesce of one side will do.</summary>
internal sealed record CoalescePlan(
    IReadOnlyList<PendingCompletion> Completions,
    IReadOnlyList<MergeBatch> Batches,
    int SingleFilesSkipped);
