namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// One coalesce of one location: which sides' file names to look for, the batch limits, an optional Kafka partition
/// (only K2HB files of that partition; HTME names carry none, so export files are left alone), and how much runs at once.
/// </summary>
internal sealed record CoalesceRequest(
    string Location,
    IReadOnlyList<ManifestSide> Sides,
    CoalesceLimits Limits,
    int? Partition = null)
{
    /// <summary>Batches merged at the same time.</summary>
    public int MaxConcurrentBatches { get; init; } = 4;

    public PrefetchLimits Prefetch { get; init; } = PrefetchLimits.Default;
}
