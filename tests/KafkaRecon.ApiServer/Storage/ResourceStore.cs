using System.Globalization;
using System.Text.Json.Nodes;
using KafkaRecon.ApiServer.Resources;

namespace KafkaRecon.ApiServer.Storage;

/// <summary>
/// The etcd of the test server: every object of every resource, one global monotonically increasing
/// resourceVersion, a bounded history of changes for watches, and the open watches themselves.
/// All writes are serialised by one lock, so the order of resourceVersions is the order of watch events.
/// </summary>
internal sealed class ResourceStore(int historyCapacity)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _objects = new(StringComparer.Ordinal);
    private readonly Queue<StoredEvent> _history = new();
    private readonly List<WatchSubscription> _watches = [];
    private long _resourceVersion = 1;
    private long _compactedThrough = 1;

    public long CurrentResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>The oldest resourceVersion a watch may still resume from.</summary>
    public long OldestResumableVersion
    {
        get
        {
            lock (_gate)
            {
                return _compactedThrough;
            }
        }
    }

    public int OpenWatchCount
    {
        get
        {
            lock (_gate)
            {
                return _watches.Count;
            }
        }
    }

    public JsonObject? Get(ResourceType type, string @namespace, string name)
    {
        lock (_gate)
        {
            return Objects(type).TryGetValue(Key(@namespace, name), out var found) ? (JsonObject)found.DeepClone() : null;
        }
    }

    /// <summary>All objects of a resource (in one namespace or all), ordered by namespace and name, and the list's resourceVersion.</summary>
    public (IReadOnlyList<JsonObject> Items, long ResourceVersion) List(ResourceType type, string? @namespace)
    {
        lock (_gate)
        {
            var items = Objects(type)
                .Where(pair => @namespace is null || pair.Key.StartsWith(@namespace + "/", StringComparison.Ordinal))
                .Select(pair => (JsonObject)pair.Value.DeepClone())
                .ToList();
            return (items, _resourceVersion);
        }
    }

    /// <summary>Reads the current object, lets <paramref name="decide"/> choose the change, and applies it atomically.</summary>
    /// <returns>The object as stored (or as deleted), or the unchanged current object.</returns>
    public JsonObject? Write(ResourceType type, string @namespace, string name, Func<JsonObject?, WriteDecision> decide)
    {
        lock (_gate)
        {
            var objects = Objects(type);
            var key = Key(@namespace, name);
            objects.TryGetValue(key, out var current);
            var decision = decide(current is null ? null : (JsonObject)current.DeepClone());
            if (decision.What == WriteDecision.Action.Nothing)
            {
                return decision.Object;
            }

            var changed = (JsonObject)decision.Object!.DeepClone();
            var version = ++_resourceVersion;
            ObjectMeta.Of(changed)["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture);
            WatchEventKind kind;
            if (decision.What == WriteDecision.Action.Remove)
            {
                objects.Remove(key);
                kind = WatchEventKind.Deleted;
            }
            else
            {
                objects[key] = changed;
                kind = current is null ? WatchEventKind.Added : WatchEventKind.Modified;
            }

            Record(new StoredEvent(version, type.StorageKey, @namespace, name, kind, changed, current));
            return (JsonObject)changed.DeepClone();
        }
    }

    /// <summary>
    /// Opens a watch. Without a resourceVersion (or with "0") the current objects arrive first as ADDED events;
    /// with one, every retained change after it is replayed.
    /// </summary>
    /// <exception cref="ResourceVersionExpiredException">The version is older than the retained history.</exception>
    public WatchSubscription OpenWatch(ResourceType type, string? @namespace, long? sinceVersion, out IReadOnlyList<StoredEvent> backlog)
    {
        lock (_gate)
        {
            if (sinceVersion is { } since && since < _compactedThrough)
            {
                throw new ResourceVersionExpiredException(since, _compactedThrough);
            }

            var subscription = new WatchSubscription(type.StorageKey, @namespace);
            backlog = sinceVersion is { } from
                ? _history.Where(change => change.ResourceVersion > from && subscription.Wants(change)).ToList()
                : Objects(type)
                    .Where(pair => @namespace is null || pair.Key.StartsWith(@namespace + "/", StringComparison.Ordinal))
                    .Select(pair => new StoredEvent(
                        ObjectMeta.ResourceVersion(pair.Value), type.StorageKey, ObjectMeta.Namespace(pair.Value),
                        ObjectMeta.Name(pair.Value), WatchEventKind.Added, (JsonObject)pair.Value.DeepClone(), null))
                    .ToList();
            _watches.Add(subscription);
            return subscription;
        }
    }

    public void CloseWatch(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _watches.Remove(subscription);
        }

        subscription.Dispose();
    }

    /// <summary>Forgets the whole history: a watch or continue from any earlier resourceVersion now gets 410 Expired.</summary>
    public void CompactHistory()
    {
        lock (_gate)
        {
            _history.Clear();
            _compactedThrough = _resourceVersion;
        }
    }

    public IReadOnlyList<WatchSubscription> OpenWatches()
    {
        lock (_gate)
        {
            return _watches.ToList();
        }
    }

    private void Record(StoredEvent change)
    {
        _history.Enqueue(change);
        while (_history.Count > historyCapacity)
        {
            _compactedThrough = _history.Dequeue().ResourceVersion;
        }

        foreach (var watch in _watches.Where(watch => watch.Wants(change)))
        {
            watch.Publish(change);
        }
    }

    private SortedDictionary<string, JsonObject> Objects(ResourceType type)
    {
        if (!_objects.TryGetValue(type.StorageKey, out var objects))
        {
            objects = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            _objects[type.StorageKey] = objects;
        }

        return objects;
    }

    private static string Key(string @namespace, string name) => $"{@namespace}/{name}";
}
