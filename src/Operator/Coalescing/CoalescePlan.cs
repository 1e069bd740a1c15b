namespace KafkaRecon.Operator.Coalescing;

/// <summary>What one coalesce of one side will do.</summary>
internal sealed record CoalescePlan(
    IReadOnlyList<PendingCompletion> Completions,
    IReadOnlyList<MergeBatch> Batches,
    int SingleFilesSkipped)
{
    /// <summary>Originals too young to merge, left for a later run.</summary>
    public int YoungFilesSkipped { get; init; }
}
