using System.Collections.Concurrent;

namespace KafkaRecon.ApiServer.Diagnostics;

/// <summary>Every request in arrival order, so tests can count API calls per verb and resource.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> All => _requests.ToArray();

    /// <summary>Requests matching every given filter (null = any); <paramref name="subresource"/> "" means the main resource only.</summary>
    public int Count(string? verb = null, string? resource = null, string? subresource = null) =>
        _requests.Count(request =>
            (verb is null || request.Verb == verb)
            && (resource is null || request.Resource == resource)
            && (subresource is null || (request.Subresource ?? "") == subresource));

    public void Clear() => _requests.Clear();

    internal void Add(RecordedRequest request) => _requests.Enqueue(request);
}
