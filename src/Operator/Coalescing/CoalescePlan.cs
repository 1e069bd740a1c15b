namespace KafkaRecon.Operator.Coalescing;

/// <summary>What one coalesce of one side will do.</summary>
internal sealed record CoalescePlan(
    IReadOnlyList<PendingCompletion> Completions,
    IReadOnlyList<MergeBatch> Batches,
    int SingleFilesSkipped);
