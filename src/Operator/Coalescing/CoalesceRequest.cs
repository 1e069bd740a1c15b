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

    /// <summary>
    /// Originals modified less than this long ago are not merged: a writer may still be appending to them
    /// (<c>spec.coalesce.minFileAge</c>, <c>--min-file-age</c>, 2 minutes there). Temporary files of a killed coalesce
    /// untouched for this long, and at least <see cref="MinTemporaryAge"/>, are removed.
    /// </summary>
    public TimeSpan MinFileAge { get; init; } = TimeSpan.Zero;

    /// <summary>A write in progress touches its temporary file continuously; one untouched this long was abandoned.</summary>
    public static TimeSpan MinTemporaryAge { get; } = TimeSpan.FromMinutes(1);
}
