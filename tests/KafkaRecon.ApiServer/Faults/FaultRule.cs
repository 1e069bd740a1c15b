namespace KafkaRecon.ApiServer.Faults;

/// <summary>Fail the next <see cref="Remaining"/> requests that match with <see cref="StatusCode"/>.</summary>
internal sealed class FaultRule(int count, int statusCode, string? verb, string? resource, string? subresource, TimeSpan retryAfter)
{
    public int Remaining { get; private set; } = count;

    public int StatusCode { get; } = statusCode;

    public TimeSpan RetryAfter { get; } = retryAfter;

    public bool Matches(string verb2, string? resource2, string? subresource2) =>
        Remaining > 0
        && (verb is null || verb == verb2)
        && (resource is null || resource == resource2)
        && (subresource is null || subresource == (subresource2 ?? ""));

    public void Consume() => Remaining--;
}
