namespace KafkaRecon.Operator.Storage;

/// <summary>Reading one object of a <see cref="IObjectStore.ReadWholeAsync"/> call failed; names the object.</summary>
internal sealed class ObjectReadException(string location, Exception inner)
    : IOException($"reading '{location}' failed: {inner.Message}", inner)
{
    public string Location { get; } = location;
}
