namespace KafkaRecon.Operator.Storage;

/// <summary>
/// Files under a location: a local folder or <c>s3://bucket/prefix</c>. Locations passed in are full
/// (a path or an s3:// URL), as are the locations listed.
/// </summary>
internal interface IObjectStore
{
    /// <summary>Every object below <paramref name="location"/>, recursively, in a stable (ordinal) order.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(string location, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ListAsync(string, CancellationToken)"/>, counting in <paramref name="skips"/> the entries passed
    /// over (symbolic links, which are never followed). By default, a store with nothing to pass over.
    /// </summary>
    IAsyncEnumerable<StoredObject> ListAsync(string location, ListingSkips skips, CancellationToken cancellationToken) =>
        ListAsync(location, cancellationToken);

    Task<Stream> OpenReadAsync(string location, CancellationToken cancellationToken);

    /// <summary>
    /// Reads small objects whole (to their end, even when they grew since they were listed), at most
    /// <paramref name="maxConcurrentReads"/> at a time, in the way that is quickest for the store; the contents come back
    /// in the order of <paramref name="objects"/>. A failed read throws <see cref="ObjectReadException"/> naming the object,
    /// after returning every buffer already read. By default, overlapping <see cref="OpenReadAsync"/> requests.
    /// </summary>
    Task<IReadOnlyList<ObjectContent>> ReadWholeAsync(
        IReadOnlyList<StoredObject> objects, int maxConcurrentReads, CancellationToken cancellationToken) =>
        ConcurrentObjectReads.ReadAsync(this, objects, maxConcurrentReads, cancellationToken);

    /// <summary>Writes the whole object or nothing: readers never see a half-written object.</summary>
    Task WriteAsync(string location, Stream content, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string location, CancellationToken cancellationToken);

    /// <summary>The object's size and modification time now, or null when it does not exist.</summary>
    Task<StoredObject?> StatAsync(string location, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the objects only while each still has the size and modification time it was listed with: a file
    /// appended to since it was read is kept, never deleted with lines that were not merged. When any changed, none
    /// is deleted. By default, a look at each object and then one delete of them all.
    /// </summary>
    Task<ConditionalDelete> DeleteUnchangedAsync(IReadOnlyList<StoredObject> listed, CancellationToken cancellationToken) =>
        UnchangedDeletes.DeleteAsync(this, listed, cancellationToken);

    /// <summary>
    /// Removes what unfinished writes below <paramref name="location"/> left behind (a killed process's temporary
    /// files or uploads) that were last touched before <paramref name="staleBefore"/>; returns how many.
    /// </summary>
    Task<int> RemoveStaleTemporariesAsync(string location, DateTimeOffset staleBefore, CancellationToken cancellationToken) =>
        Task.FromResult(0);

    /// <summary>Deletes the objects; objects already gone are not an error.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> locations, CancellationToken cancellationToken);
}

internal sealed record StoredObject(string Location, long Size, DateTimeOffset LastModified);
