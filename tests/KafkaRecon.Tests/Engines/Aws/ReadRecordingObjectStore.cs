using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Engines.Aws;

/// <summary>A store that passes every call on and records which objects were read (opened or read whole).</summary>
internal sealed class ReadRecordingObjectStore(IObjectStore store) : IObjectStore
{
    private readonly ConcurrentBag<string> read = [];

    public IReadOnlyList<string> Read => read.Order(StringComparer.Ordinal).ToList();

    public void Clear() => read.Clear();

    public IAsyncEnumerable<StoredObject> ListAsync(string location, CancellationToken cancellationToken) =>
        store.ListAsync(location, cancellationToken);

    public async IAsyncEnumerable<StoredObject> ListAsync(
        string location, ListingSkips skips, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var stored in store.ListAsync(location, skips, cancellationToken))
        {
            yield return stored;
        }
    }

    public Task<Stream> OpenReadAsync(string location, CancellationToken cancellationToken)
    {
        read.Add(location);
        return store.OpenReadAsync(location, cancellationToken);
    }

    public Task<IReadOnlyList<ObjectContent>> ReadWholeAsync(
        IReadOnlyList<StoredObject> objects, int maxConcurrentReads, CancellationToken cancellationToken)
    {
        foreach (var stored in objects)
        {
            read.Add(stored.Location);
        }
        return store.ReadWholeAsync(objects, maxConcurrentReads, cancellationToken);
    }

    public Task WriteAsync(string location, Stream content, CancellationToken cancellationToken) =>
        store.WriteAsync(location, content, cancellationToken);

    public Task<bool> ExistsAsync(string location, CancellationToken cancellationToken) =>
        store.ExistsAsync(location, cancellationToken);

    public Task<StoredObject?> StatAsync(string location, CancellationToken cancellationToken) =>
        store.StatAsync(location, cancellationToken);

    public Task<ConditionalDelete> DeleteUnchangedAsync(IReadOnlyList<StoredObject> listed, CancellationToken cancellationToken) =>
        store.DeleteUnchangedAsync(listed, cancellationToken);

    public Task<int> RemoveStaleTemporariesAsync(string location, DateTimeOffset staleBefore, CancellationToken cancellationToken) =>
        store.RemoveStaleTemporariesAsync(location, staleBefore, cancellationToken);

    public Task DeleteAsync(IReadOnlyCollection<string> locations, CancellationToken cancellationToken) =>
        store.DeleteAsync(locations, cancellationToken);
}
