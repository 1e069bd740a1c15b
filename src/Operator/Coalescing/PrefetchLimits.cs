namespace KafkaRecon.Operator.Coalescing;

/// <summary>How far <see cref="MemberPrefetcher"/> reads ahead.</summary>
internal sealed record PrefetchLimits(int MaxReads, long MaxBytes, long LargestBufferedFile)
{
    public static PrefetchLimits Default { get; } = new(16, 32L << 20, 16L << 20);
}
