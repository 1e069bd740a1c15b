namespace KafkaRecon.ApiServer.Faults;

/// <summary>Fail the next <see cref="Remaining"/> requests that match with <see cref="StatusCode"/>; null filters match anything.</summary>
internal sealed class FaultRule(int count, int statusCode, string? verbFilter, string? resourceFilter, string? subresourceFilter, TimeSpan retryAfter)
{
    public int Remaining { get; private set; } = count;

    public int StatusCode { get; } = statusCode;

    public TimeSpan RetryAfter { get; } = retryAfter;

    public bool Matches(string verb, string? resource, string? subresource) =>
        Remaining > 0
        && (verbFilter is null || verbFilter == verb)
        && (resourceFilter is null || resourceFilter == resource)
        && (subresourceFilter is null || subresourceFilter == (subresource ?? ""));

    public void Consume() => Remaining--;
}
