using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Kubernetes.Store;

/// <summary>
/// The resourceVersions this operator wrote itself, per resource, so the watcher can drop the echo of its own
/// writes: the reconcile that wrote a version went on with the object exactly as written and has already queued
/// what comes next, so a watch event carrying that version tells the controller nothing new. Any other change
/// (spec, annotations, deletion, another writer's status) has a version this process did not write.
/// </summary>
internal sealed class OwnWrites
{
    /// <summary>Enough for one reconcile's writes; an echo that raced ahead of its record is merely not dropped.</summary>
    public const int RememberedPerResource = 8;

    private readonly Lock gate = new();
    private readonly Dictionary<ResourceKey, Queue<string>> versions = new();

    /// <summary>Resources with writes whose echo has not been seen yet.</summary>
    public int Count
    {
        get { lock (gate) { return versions.Count; } }
    }

    /// <summary>
    /// Remembers the version of <paramref name="written"/>; a write of an object being deleted forgets the resource
    /// instead. Such an object is never dropped as an echo, and its last write (the finalizer's removal) deletes it:
    /// the Deleted event that would forget it may come before that write's answer, or not at all after a relist.
    /// </summary>
    public void Record(KafkaReconciliation written)
    {
        if (written.Metadata?.ResourceVersion is not { Length: > 0 } version)
        {
            return;
        }
        var key = ResourceKey.Of(written);
        lock (gate)
        {
            if (written.Metadata.DeletionTimestamp is not null)
            {
                versions.Remove(key);
                return;
            }
            if (!versions.TryGetValue(key, out var recent))
            {
                versions[key] = recent = new Queue<string>();
            }
            recent.Enqueue(version);
            while (recent.Count > RememberedPerResource)
            {
                recent.Dequeue();
            }
        }
    }

    /// <summary>True, once, for an observed object at a version this process wrote.</summary>
    public bool IsEcho(KafkaReconciliation observed)
    {
        if (observed.Metadata?.ResourceVersion is not { Length: > 0 } version)
        {
            return false;
        }
        var key = ResourceKey.Of(observed);
        lock (gate)
        {
            if (!versions.TryGetValue(key, out var recent) || !recent.Contains(version))
            {
                return false;
            }
            var kept = recent.Where(v => v != version).ToList();
            if (kept.Count == 0)
            {
                versions.Remove(key);
            }
            else
            {
                versions[key] = new Queue<string>(kept);
            }
            return true;
        }
    }

    /// <summary>Forgets a deleted resource's writes.</summary>
    public void Forget(ResourceKey key)
    {
        lock (gate)
        {
            versions.Remove(key);
        }
    }
}
