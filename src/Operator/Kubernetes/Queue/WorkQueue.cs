namespace KafkaRecon.Operator.Kubernetes.Queue;

/// <summary>
/// A key-based work queue with client-go semantics: a key is queued at most once (dirty set), is never handed to two
/// workers at once (processing set), and a key added while it is processed runs once more after <see cref="Done"/>.
/// Delays (<see cref="AddAfter"/>, <see cref="AddRateLimited"/>) run on the injected <see cref="TimeProvider"/>.
/// Keys added with <see cref="AddUrgent"/> are taken before all others, first come first served among themselves, and
/// <see cref="TakeUrgentAsync"/> takes only those, so workers kept for them never wait behind other work.
/// </summary>
internal sealed class WorkQueue<TKey> : IDisposable where TKey : notnull
{
    private readonly object gate = new();
    private readonly TimeProvider time;
    private readonly ExponentialItemBackoff<TKey> backoff;
    private readonly LinkedList<TKey> ready = new();
    private readonly LinkedList<TKey> urgent = new();
    private readonly Dictionary<TKey, LinkedListNode<TKey>> queued = new();
    private readonly HashSet<TKey> dirty = new();
    private readonly HashSet<TKey> processing = new();
    private readonly Dictionary<TKey, DelayedAdd> waiting = new();
    private readonly SemaphoreSlim readySignal = new(0);
    // Released once per urgent key, besides readySignal; a permit whose key another worker took only wakes a taker
    // that finds nothing and waits again.
    private readonly SemaphoreSlim urgentSignal = new(0);
    private readonly CancellationTokenSource shutdown = new();
    private TaskCompletionSource idle = NewIdleSignal(completed: true);
    private long addsTotal;
    private long retriesTotal;

    public WorkQueue(TimeProvider time, ExponentialItemBackoff<TKey>? backoff = null)
    {
        this.time = time;
        this.backoff = backoff ?? new ExponentialItemBackoff<TKey>();
    }

    /// <summary>Keys ready to be taken (not counting delayed or in-flight keys).</summary>
    public int Depth
    {
        get { lock (gate) { return queued.Count; } }
    }

    /// <summary>Keys handed to a worker and not yet <see cref="Done"/>.</summary>
    public int InFlight
    {
        get { lock (gate) { return processing.Count; } }
    }

    public long AddsTotal => Interlocked.Read(ref addsTotal);

    public long RetriesTotal => Interlocked.Read(ref retriesTotal);

    public bool IsShuttingDown => shutdown.IsCancellationRequested;

    public void Add(TKey key)
    {
        lock (gate)
        {
            AddLocked(key);
        }
    }

    /// <summary>
    /// Adds the key ahead of every key added otherwise (a resource nobody has answered yet). A key already queued
    /// moves ahead; one being processed is being answered, so it runs again after <see cref="Done"/> as after
    /// <see cref="Add"/>.
    /// </summary>
    public void AddUrgent(TKey key)
    {
        lock (gate)
        {
            if (IsShuttingDown)
            {
                return;
            }
            if (processing.Contains(key))
            {
                AddLocked(key);
                return;
            }
            if (queued.TryGetValue(key, out var node))
            {
                if (node.List == ready)
                {
                    ready.Remove(node);
                    urgent.AddLast(node);
                    urgentSignal.Release();
                }
                return;
            }
            if (dirty.Add(key))
            {
                Interlocked.Increment(ref addsTotal);
                Enqueue(key, toFront: true);
            }
        }
    }

    /// <summary>Adds the key once the delay has passed; when it is already waiting, the earlier due time wins.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }
        lock (gate)
        {
            if (IsShuttingDown)
            {
                return;
            }
            var due = time.GetUtcNow() + delay;
            if (waiting.TryGetValue(key, out var existing))
            {
                if (existing.Due <= due)
                {
                    return;
                }
                existing.Timer.Dispose();
            }
            var entry = new DelayedAdd(due);
            entry.Timer = time.CreateTimer(_ => Fire(key, entry), null, delay, Timeout.InfiniteTimeSpan);
            waiting[key] = entry;
        }
    }

    /// <summary>Re-adds a key after its exponential per-key backoff (after a failed reconcile).</summary>
    public void AddRateLimited(TKey key)
    {
        TimeSpan delay;
        lock (gate)
        {
            delay = backoff.NextDelay(key);
        }
        Interlocked.Increment(ref retriesTotal);
        AddAfter(key, delay);
    }

    /// <summary>Resets the key's backoff (after a successful reconcile).</summary>
    public void Forget(TKey key)
    {
        lock (gate)
        {
            backoff.Forget(key);
        }
    }

    public int Failures(TKey key)
    {
        lock (gate)
        {
            return backoff.Failures(key);
        }
    }

    /// <summary>
    /// Waits for the next key. Returns false once the queue is shut down; the caller must call <see cref="Done"/>
    /// for every key it received.
    /// </summary>
    public Task<(bool Taken, TKey Key)> TakeAsync(CancellationToken cancellationToken) =>
        TakeAsync(readySignal, () => urgent.First ?? ready.First, cancellationToken);

    /// <summary>As <see cref="TakeAsync"/>, but waits for a key added with <see cref="AddUrgent"/> only.</summary>
    public Task<(bool Taken, TKey Key)> TakeUrgentAsync(CancellationToken cancellationToken) =>
        TakeAsync(urgentSignal, () => urgent.First, cancellationToken);

    private async Task<(bool Taken, TKey Key)> TakeAsync(
        SemaphoreSlim signal, Func<LinkedListNode<TKey>?> next, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Token);
        while (true)
        {
            try
            {
                await signal.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
            {
                return (false, default!);
            }
            lock (gate)
            {
                if (IsShuttingDown)
                {
                    return (false, default!);
                }
                if (next() is not { } node)
                {
                    continue;
                }
                var key = node.Value;
                node.List!.Remove(node);
                queued.Remove(key);
                processing.Add(key);
                dirty.Remove(key);
                if (processing.Count == 1)
                {
                    idle = NewIdleSignal(completed: false);
                }
                return (true, key);
            }
        }
    }

    /// <summary>Marks the key as processed; if it was added meanwhile it becomes ready again.</summary>
    public void Done(TKey key)
    {
        lock (gate)
        {
            processing.Remove(key);
            if (dirty.Contains(key) && !IsShuttingDown)
            {
                Enqueue(key, toFront: false);
            }
            if (processing.Count == 0)
            {
                idle.TrySetResult();
            }
        }
    }

    /// <summary>Stops handing out keys and accepting adds; keys already taken may still finish.</summary>
    public void ShutDown()
    {
        lock (gate)
        {
            if (IsShuttingDown)
            {
                return;
            }
            shutdown.Cancel();
            foreach (var entry in waiting.Values)
            {
                entry.Timer.Dispose();
            }
            waiting.Clear();
        }
    }

    /// <summary>Completes when no key is in flight (call after <see cref="ShutDown"/> to drain workers).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return idle.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        ShutDown();
        shutdown.Dispose();
        readySignal.Dispose();
        urgentSignal.Dispose();
    }

    private void Fire(TKey key, DelayedAdd entry)
    {
        lock (gate)
        {
            if (!waiting.TryGetValue(key, out var current) || !ReferenceEquals(current, entry))
            {
                return;
            }
            waiting.Remove(key);
            entry.Timer.Dispose();
            AddLocked(key);
        }
    }

    private void AddLocked(TKey key)
    {
        if (IsShuttingDown || !dirty.Add(key))
        {
            return;
        }
        Interlocked.Increment(ref addsTotal);
        if (!processing.Contains(key))
        {
            Enqueue(key, toFront: false);
        }
    }

    private void Enqueue(TKey key, bool toFront)
    {
        queued[key] = (toFront ? urgent : ready).AddLast(key);
        readySignal.Release();
        if (toFront)
        {
            urgentSignal.Release();
        }
    }

    private static TaskCompletionSource NewIdleSignal(bool completed)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            signal.SetResult();
        }
        return signal;
    }

    private sealed class DelayedAdd(DateTimeOffset due)
    {
        public DateTimeOffset Due { get; } = due;

        public ITimer Timer { get; set; } = null!;
    }
}
