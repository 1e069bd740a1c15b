using System.Runtime.CompilerServices;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Inputs;

/// <summary>
/// A store whose listing of the rule's location holds only the files the run's <see cref="InputRule"/> keeps, so
/// coalesce merges only files on the run's input list: merging history would give old records a new write time and
/// defeat the pruning. Every other call goes to the store as it is.
/// </summary>
internal sealed class PrunedObjectStore(IObjectStore store, InputRule rule) : IObjectStore
{
    public IAsyncEnumerable<StoredObject> ListAsync(string location, CancellationToken cancellationToken) =>
        ListAsync(location, new ListingSkips(), cancellationToken);

    public async IAsyncEnumerable<StoredObject> ListAsync(
        string location, ListingSkips skips, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefixes = location == rule.Location ? rule.Prefixes : [location];
        foreach (var prefix in prefixes)
        {
            await foreach (var stored in store.ListAsync(prefix, skips, cancellationToken).ConfigureAwait(false))
            {
                if (rule.Keeps(stored.LastModified))
                {
                    yield return stored;
                }
            }
        }
    }

    public Task<Stream> OpenReadAsync(string location, CancellationToken cancellationToken) =>
        store.OpenReadAsync(location, cancellationToken);

    public Task<IReadOnlyList<ObjectContent>> ReadWholeAsync(
        IReadOnlyList<StoredObject> objects, int maxConcurrentReads, CancellationToken cancellationToken) =>
        store.ReadWholeAsync(objects, maxConcurrentReads, cancellationToken);

    public Task WriteAsync(string location, Stream content, CancellationToken cancellationToken) =>
        store.WriteAsync(location, content, cancellationToken);

    public Task<bool> ExistsAsync(string location, CancellationToken cancellationToken) =>
        store.ExistsAsync(location, cancellationToken);

    public Task<StoredObject?> StatAsync(string location, CancellationToken cancellationToken) =>
        store.StatAsync(location, cancellationToken);

    // Forwarded, not left to the interface's defaults: the store's own conditional delete (a local file is checked
    // under an exclusive lock) and its clean-up of abandoned writes are what keep coalesce from losing lines.
    public Task<ConditionalDelete> DeleteUnchangedAsync(IReadOnlyList<StoredObject> listed, CancellationToken cancellationToken) =>
        store.DeleteUnchangedAsync(listed, cancellationToken);

    public Task<int> RemoveStaleTemporariesAsync(string location, DateTimeOffset staleBefore, CancellationToken cancellationToken) =>
        store.RemoveStaleTemporariesAsync(location, staleBefore, cancellationToken);

    public Task DeleteAsync(IReadOnlyCollection<string> locations, CancellationToken cancellationToken) =>
        store.DeleteAsync(locations, cancellationToken);
}
