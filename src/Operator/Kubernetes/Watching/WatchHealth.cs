using System.Collections.Concurrent;

namespace KafkaRecon.Operator.Kubernetes.Watching;

/// <summary>
/// Whether every watched scope (namespace or all namespaces) has a current LIST and a working WATCH: the watch half
/// of readiness. A scope is live from its first successful LIST until a LIST/WATCH fails with anything but 410.
/// </summary>
internal sealed class WatchHealth(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ScopeState> scopes = new();

    public bool IsLive => !scopes.IsEmpty && scopes.Values.All(state => state.Live);

    public void Register(string scope) => scopes.TryAdd(scope, new ScopeState(false, null));

    public void MarkLive(string scope) => scopes[scope] = new ScopeState(true, time.GetUtcNow());

    public void MarkDown(string scope) =>
        scopes.AddOrUpdate(scope, new ScopeState(false, null), (_, old) => old with { Live = false });

    /// <summary>When each scope last heard from the API server (a list, an event or a bookmark).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset?> LastContact =>
        scopes.ToDictionary(pair => pair.Key, pair => pair.Value.LastContact);

    private sealed record ScopeState(bool Live, DateTimeOffset? LastContact);
}
