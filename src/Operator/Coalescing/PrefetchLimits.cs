namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// How far <see cref="MemberPrefetcher"/> reads ahead: <see cref="MaxReads"/> originals read at once within each of
/// the two chunks read ahead, about <see cref="MaxBytes"/> held in all, and originals larger than
/// <see cref="LargestBufferedFile"/> streamed instead of read ahead.
/// </summary>
internal sealed record PrefetchLimits(int MaxReads, long MaxBytes, long LargestBufferedFile)
{
    public static PrefetchLimits Default { get; } = new(16, 32L << 20, 16L << 20);
}
