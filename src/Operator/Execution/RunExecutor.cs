using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using Microsoft.Extensions.Logging;

namespace KafkaRecon.Operator.Execution;

/// <summary>
/// Runs long in-process work (embedded phases) off the reconcile workers, at most <see cref="Slots"/> at once, first
/// come first served by resource: a resource's next phase waits only behind the work of resources that came before it,
/// so runs already under way finish first instead of every run's last phase waiting for every other run's first.
/// Work is known by its idempotency key: submitting a key again finds the work already queued,
/// running or finished instead of starting it twice. It lives in memory only, so a restarted operator knows no keys
/// and the caller submits the work again (embedded phases are idempotent).
/// </summary>
internal sealed class RunExecutor : IDisposable
{
    /// <summary>How long a finished result stays after it was first observed (a status write may fail and retry).</summary>
    public static readonly TimeSpan ObservedRetention = TimeSpan.FromMinutes(5);

    /// <summary>How long a finished result nobody asked for stays.</summary>
    public static readonly TimeSpan UnobservedRetention = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _waiting = new();
    private readonly Dictionary<ResourceIdentity, long> _arrivals = new();
    private long _nextArrival;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TimeProvider _time;
    private readonly IRunExecutorObserver _observer;
    private readonly ILogger<RunExecutor> _logger;
    private int _running;
    private DateTimeOffset _lastPurge;

    public RunExecutor(int slots, TimeProvider time, IRunExecutorObserver observer, ILogger<RunExecutor> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        Slots = slots;
        _time = time;
        _observer = observer;
        _logger = logger;
        _lastPurge = time.GetUtcNow();
    }

    /// <summary>How many pieces of work may run at once.</summary>
    public int Slots { get; }

    public int Waiting
    {
        get { lock (_gate) { return _waiting.Count; } }
    }

    public int Running
    {
        get { lock (_gate) { return _running; } }
    }

    /// <summary>
    /// Queues <paramref name="work"/> under <paramref name="key"/>, or returns the state of the work already known by
    /// that key. The work gets a token cancelled by <see cref="Cancel"/> or when the executor is disposed.
    /// </summary>
    public ExecutionState Submit(string key, ResourceIdentity owner, Func<CancellationToken, Task<PhaseObservation>> work)
    {
        ObjectDisposedException.ThrowIf(_shutdown.IsCancellationRequested, this);
        List<Entry> started;
        ExecutionState state;
        lock (_gate)
        {
            PurgeExpired();
            if (_entries.TryGetValue(key, out var known))
            {
                MarkObserved(known);
                return StateOf(known);
            }
            var entry = new Entry(key, owner, work, CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token))
            {
                Arrival = ArrivalOf(owner),
            };
            _entries[key] = entry;
            entry.Node = Enqueue(entry);
            started = StartWhatFits();
            state = StateOf(entry);
        }
        Announce(started);
        return state;
    }

    /// <summary>The state of the work known by <paramref name="key"/>, or null when this process does not know it.</summary>
    public ExecutionState? Observe(string key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                return null;
            }
            MarkObserved(entry);
            return StateOf(entry);
        }
    }

    /// <summary>Forgets the work: taken out of the queue if waiting, its token cancelled if running. Idempotent.</summary>
    public void Cancel(string key)
    {
        List<Entry> started;
        lock (_gate)
        {
            if (!_entries.Remove(key, out var entry))
            {
                return;
            }
            if (entry.Node is not null)
            {
                _waiting.Remove(entry.Node);
                entry.Node = null;
                entry.Cancellation.Dispose();
            }
            else if (entry.Result is null)
            {
                entry.Cancellation.Cancel(); // the slot is freed when the work returns
            }
            started = StartWhatFits();
        }
        Announce(started);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _waiting.Clear();
        }
        _shutdown.Cancel();
    }

    /// <summary>When the resource's first work arrived; kept while any of its work is known.</summary>
    private long ArrivalOf(ResourceIdentity owner)
    {
        if (!_arrivals.TryGetValue(owner, out var arrival))
        {
            arrival = _arrivals[owner] = _nextArrival++;
        }
        return arrival;
    }

    /// <summary>Behind all work of resources that arrived no later than this one's, ahead of later resources' work.</summary>
    private LinkedListNode<Entry> Enqueue(Entry entry)
    {
        for (var node = _waiting.Last; node is not null; node = node.Previous)
        {
            if (node.Value.Arrival <= entry.Arrival)
            {
                return _waiting.AddAfter(node, entry);
            }
        }
        return _waiting.AddFirst(entry);
    }

    private List<Entry> StartWhatFits()
    {
        var started = new List<Entry>();
        while (_running < Slots && _waiting.First is { } next && !_shutdown.IsCancellationRequested)
        {
            _waiting.RemoveFirst();
            var entry = next.Value;
            entry.Node = null;
            _running++;
            started.Add(entry);
        }
        return started;
    }

    private void Announce(List<Entry> started)
    {
        foreach (var entry in started)
        {
            _ = Task.Run(() => RunAsync(entry), CancellationToken.None);
        }
        int waiting, running;
        lock (_gate)
        {
            waiting = _waiting.Count;
            running = _running;
        }
        _observer.Counts(waiting, running);
        foreach (var entry in started)
        {
            _observer.Changed(entry.Owner);
        }
    }

    private async Task RunAsync(Entry entry)
    {
        PhaseObservation result;
        try
        {
            result = await entry.Work(entry.Cancellation.Token);
        }
        catch (OperationCanceledException) when (entry.Cancellation.IsCancellationRequested)
        {
            result = PhaseObservation.Failed(PhaseFailure.EngineError, "The work was cancelled.");
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Work {Key} of {Resource} failed", entry.Key, entry.Owner);
            result = PhaseObservation.Failed(PhaseFailure.EngineError, e.Message);
        }
        List<Entry> started;
        lock (_gate)
        {
            _running--;
            entry.Result = result;
            entry.FinishedAt = _time.GetUtcNow();
            started = StartWhatFits();
        }
        entry.Cancellation.Dispose();
        Announce(started);
        _observer.Changed(entry.Owner);
    }

    private void MarkObserved(Entry entry)
    {
        if (entry.Result is not null)
        {
            entry.ObservedAt ??= _time.GetUtcNow();
        }
    }

    private ExecutionState StateOf(Entry entry)
    {
        if (entry.Result is { } result)
        {
            return new ExecutionState.Finished(result);
        }
        if (entry.Node is null)
        {
            return new ExecutionState.Running();
        }
        var now = _time.GetUtcNow();
        if (entry.Reported is { } reported && now - entry.ReportedAt < PlaceRefresh(reported.Position))
        {
            return reported;
        }
        var position = 1;
        for (var node = _waiting.First; node is not null && node != entry.Node; node = node.Next)
        {
            position++;
        }
        entry.Reported = new ExecutionState.Queued(position, _waiting.Count, Slots);
        entry.ReportedAt = now;
        return entry.Reported;
    }

    /// <summary>
    /// How long a waiting entry keeps reporting the place it last reported: every reported change is a status
    /// write (and a watch event, and a reconcile), and places change each time any work ends, so a long queue would
    /// otherwise rewrite every waiting resource's status after every run. Further back, refreshed less often.
    /// </summary>
    public static TimeSpan PlaceRefresh(int position) => TimeSpan.FromSeconds(Math.Clamp(position, 10, 300));

    /// <summary>Drops finished results nobody needs any more, at most once a minute.</summary>
    private void PurgeExpired()
    {
        var now = _time.GetUtcNow();
        if (now - _lastPurge < TimeSpan.FromMinutes(1))
        {
            return;
        }
        _lastPurge = now;
        var expired = _entries.Values.Where(entry => entry.FinishedAt is { } finished &&
            (entry.ObservedAt is { } observed ? now - observed > ObservedRetention : now - finished > UnobservedRetention))
            .Select(entry => entry.Key).ToList();
        foreach (var key in expired)
        {
            _entries.Remove(key);
        }
        var owners = _entries.Values.Select(entry => entry.Owner).ToHashSet();
        foreach (var owner in _arrivals.Keys.Where(owner => !owners.Contains(owner)).ToList())
        {
            _arrivals.Remove(owner);
        }
    }

    private sealed class Entry(
        string key, ResourceIdentity owner, Func<CancellationToken, Task<PhaseObservation>> work,
        CancellationTokenSource cancellation)
    {
        public string Key { get; } = key;

        public ResourceIdentity Owner { get; } = owner;

        public Func<CancellationToken, Task<PhaseObservation>> Work { get; } = work;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        /// <summary>When its resource's first work arrived: the order of the waiting line.</summary>
        public long Arrival { get; init; }

        /// <summary>Its place in the waiting line; null once it started (or was taken out).</summary>
        public LinkedListNode<Entry>? Node { get; set; }

        public PhaseObservation? Result { get; set; }

        public DateTimeOffset? FinishedAt { get; set; }

        public DateTimeOffset? ObservedAt { get; set; }

        /// <summary>The place last reported while waiting, and when.</summary>
        public ExecutionState.Queued? Reported { get; set; }

        public DateTimeOffset ReportedAt { get; set; }
    }
}
