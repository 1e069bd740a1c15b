namespace KafkaRecon.ApiServer.Faults;

/// <summary>
/// Delay, then fail with <see cref="StatusCode"/> (or, when it is 0, serve normally), the next <see cref="Remaining"/>
/// matching requests; null filters match anything.
/// </summary>
internal sealed class FaultRule(
    int count, int statusCode, string? verbFilter, string? resourceFilter, string? subresourceFilter, TimeSpan retryAfter, TimeSpan delay)
{
    public int Remaining { get; private set; } = count;

    public int StatusCode { get; } = statusCode;

    public TimeSpan RetryAfter { get; } = retryAfter;

    public TimeSpan Delay { get; } = delay;

    public bool Matches(string verb, string? resource, string? subresource) =>
        Remaining > 0
        && (verbFilter is null || verbFilter == verb)
        && (resourceFilter is null || resourceFilter == resource)
        && (subresourceFilter is null || subresourceFilter == (subresource ?? ""));

    public void Consume() => Remaining--;
}
