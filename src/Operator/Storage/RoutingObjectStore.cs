using System.Runtime.CompilerServices;

namespace KafkaRecon.Operator.Storage;

/// <summary>Sends s3:// locations to the S3 store and everything else to the local one.</summary>
internal sealed class RoutingObjectStore(IObjectStore local, Func<IObjectStore> s3) : IObjectStore
{
    private readonly Lazy<IObjectStore> s3Store = new(s3);

    public async IAsyncEnumerable<StoredObject> ListAsync(
        string location, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in For(location).ListAsync(location, cancellationToken))
        {
            yield return item;
        }
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(
        string location, ListingSkips skips, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in For(location).ListAsync(location, skips, cancellationToken))
        {
            yield return item;
        }
    }

    public Task<Stream> OpenReadAsync(string location, CancellationToken cancellationToken) =>
        For(location).OpenReadAsync(location, cancellationToken);

    /// <summary>Objects of one store are read its quickest way; a mix of stores falls back to one object at a time.</summary>
    public Task<IReadOnlyList<ObjectContent>> ReadWholeAsync(
        IReadOnlyList<StoredObject> objects, int maxConcurrentReads, CancellationToken cancellationToken) =>
        objects.Select(o => ObjectStoreLocation.IsS3(o.Location)).Distinct().Count() == 1
            ? For(objects[0].Location).ReadWholeAsync(objects, maxConcurrentReads, cancellationToken)
            : ConcurrentObjectReads.ReadAsync(this, objects, maxConcurrentReads, cancellationToken);

    public Task WriteAsync(string location, Stream content, CancellationToken cancellationToken) =>
        For(location).WriteAsync(location, content, cancellationToken);

    public Task<bool> ExistsAsync(string location, CancellationToken cancellationToken) =>
        For(location).ExistsAsync(location, cancellationToken);

    public Task<StoredObject?> StatAsync(string location, CancellationToken cancellationToken) =>
        For(location).StatAsync(location, cancellationToken);

    public async Task<ConditionalDelete> DeleteUnchangedAsync(
        IReadOnlyList<StoredObject> listed, CancellationToken cancellationToken)
    {
        var groups = listed.GroupBy(o => ObjectStoreLocation.IsS3(o.Location)).ToList();
        if (groups.Count == 1)
        {
            return await For(listed[0].Location).DeleteUnchangedAsync(listed, cancellationToken);
        }
        return await UnchangedDeletes.DeleteAsync(this, listed, cancellationToken);
    }

    public Task<int> RemoveStaleTemporariesAsync(string location, DateTimeOffset staleBefore, CancellationToken cancellationToken) =>
        For(location).RemoveStaleTemporariesAsync(location, staleBefore, cancellationToken);

    public async Task DeleteAsync(IReadOnlyCollection<string> locations, CancellationToken cancellationToken)
    {
        foreach (var group in locations.GroupBy(ObjectStoreLocation.IsS3))
        {
            await (group.Key ? s3Store.Value : local).DeleteAsync(group.ToList(), cancellationToken);
        }
    }

    private IObjectStore For(string location) => ObjectStoreLocation.IsS3(location) ? s3Store.Value : local;
}
