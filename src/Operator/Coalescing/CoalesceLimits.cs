namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// When a batch is closed (<c>spec.coalesce.maxFiles</c>, <c>maxBytes</c>): as soon as its files reach
/// <see cref="MaxFiles"/> or their cumulative size reaches <see cref="MaxBytes"/>.
/// </summary>
internal sealed record CoalesceLimits(int MaxFiles, long MaxBytes)
{
    public static CoalesceLimits Default { get; } = new(1_000_000, 128_000_000);
}
