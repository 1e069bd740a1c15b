namespace KafkaRecon.Operator.Coalescing;

/// <summary>Reading one original of a batch failed; the batch is abandoned and nothing is deleted.</summary>
internal sealed class MemberReadException(string location, Exception inner)
    : Exception($"reading '{location}' failed: {inner.Message}", inner)
{
    public string Location { get; } = location;
}
