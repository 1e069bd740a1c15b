using KafkaRecon.ApiServer.Storage;

namespace KafkaRecon.ApiServer.Faults;

/// <summary>Test controls for failures a real cluster produces: error responses, expired, dropped and stalled watches.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = [];
    private readonly ResourceStore _store;
    private int _watchesToExpire;

    internal FaultInjector(ResourceStore store) => _store = store;

    /// <summary>How an expired watch is answered (default: in-stream ERROR, as the real server does).</summary>
    public WatchExpiryForm ExpiryForm { get; set; } = WatchExpiryForm.InStreamError;

    /// <summary>
    /// The next <paramref name="count"/> requests matching verb (get, list, watch, create, update, patch, delete),
    /// resource (plural) and subresource ("" = main resource, "status") fail with <paramref name="statusCode"/>
    /// (409 Conflict, 429 TooManyRequests with Retry-After, 500 InternalError, 503 ServiceUnavailable, …).
    /// </summary>
    public void FailNext(int count, int statusCode, string? verb = null, string? resource = null, string? subresource = null, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            _rules.Add(new FaultRule(count, statusCode, verb, resource, subresource, retryAfter ?? TimeSpan.FromSeconds(1), TimeSpan.Zero));
        }
    }

    /// <summary>The next <paramref name="count"/> matching requests are answered normally, but only after <paramref name="delay"/>.</summary>
    public void DelayNext(int count, TimeSpan delay, string? verb = null, string? resource = null, string? subresource = null)
    {
        lock (_gate)
        {
            _rules.Add(new FaultRule(count, 0, verb, resource, subresource, TimeSpan.Zero, delay));
        }
    }

    /// <summary>The next <paramref name="count"/> watch requests with a resourceVersion are answered 410 Expired.</summary>
    public void ExpireNextWatches(int count)
    {
        lock (_gate)
        {
            _watchesToExpire += count;
        }
    }

    /// <summary>Forgets the event history: every watch from an older resourceVersion now gets 410 Expired.</summary>
    public void CompactHistory() => _store.CompactHistory();

    /// <summary>
    /// Ends every open watch: cleanly (as the server-side watch timeout or a graceful restart does) or, with
    /// <paramref name="abortConnection"/>, by cutting the connection mid-stream (as a proxy or network failure does).
    /// </summary>
    /// <returns>How many watches were dropped.</returns>
    public int DropWatches(bool abortConnection = false)
    {
        var watches = _store.OpenWatches();
        foreach (var watch in watches)
        {
            watch.Drop(abortConnection);
        }

        return watches.Count;
    }

    /// <summary>Open watches stay connected but never send another byte (events, bookmarks, or the close).</summary>
    public int StallWatches()
    {
        var watches = _store.OpenWatches();
        foreach (var watch in watches)
        {
            watch.Stall();
        }

        return watches.Count;
    }

    /// <summary>Watch streams currently open.</summary>
    public int OpenWatchCount => _store.OpenWatchCount;

    internal FaultRule? TakeFailure(string verb, string? resource, string? subresource)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(candidate => candidate.Matches(verb, resource, subresource));
            rule?.Consume();
            _rules.RemoveAll(candidate => candidate.Remaining <= 0);
            return rule;
        }
    }

    internal bool TakeWatchExpiry()
    {
        lock (_gate)
        {
            if (_watchesToExpire <= 0)
            {
                return false;
            }

            _watchesToExpire--;
            return true;
        }
    }
}
