using System.Buffers;
using System.IO.Enumeration;
using System.Runtime.CompilerServices;

namespace KafkaRecon.Operator.Storage;

/// <summary>
/// Objects as files under a local folder. Writes go to a temporary sibling and are renamed into place. Reads of many
/// small files and deletes of many files are synchronous calls on one thread per core: each is a system call of a few
/// microseconds, and asynchronous file calls on Unix only move that same call to another thread, adding a hand-off
/// (and, on a busy machine, a wake-up) per file.
/// </summary>
internal sealed class LocalObjectStore : IObjectStore
{
    private const int CopyBufferSize = 1 << 20;
    private const int DeletesWorthSpreading = 64;

    public IAsyncEnumerable<StoredObject> ListAsync(string location, CancellationToken cancellationToken) =>
        ListAsync(location, new ListingSkips(), cancellationToken);

    /// <summary>
    /// The files below <paramref name="location"/> (itself followed if it is a link: the user named it), never
    /// following a symbolic link inside it, to a file or a folder; each link passed over is counted in
    /// <paramref name="skips"/>.
    /// </summary>
    public async IAsyncEnumerable<StoredObject> ListAsync(
        string location, ListingSkips skips, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (File.Exists(location))
        {
            var file = new FileInfo(location);
            yield return new StoredObject(file.FullName, file.Length, file.LastWriteTimeUtc);
            yield break;
        }
        if (!Directory.Exists(location))
        {
            yield break;
        }
        // Straight from the directory entries: one lstat per file for size and time, no FileInfo per file.
        var files = new FileSystemEnumerable<StoredObject>(location,
            (ref entry) => new StoredObject(entry.ToFullPath(), entry.Length, entry.LastWriteTimeUtc),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldRecursePredicate = (ref entry) => !IsLink(ref entry),
            ShouldIncludePredicate = (ref entry) =>
            {
                if (IsLink(ref entry))
                {
                    skips.SymbolicLink();
                    return false;
                }
                return !entry.IsDirectory && !IsTemporary(entry.FileName);
            },
        };
        var sorted = files.ToArray();
        Array.Sort(Array.ConvertAll(sorted, f => f.Location), sorted, StringComparer.Ordinal);
        foreach (var file in sorted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return file;
        }
        await Task.CompletedTask;
    }

    public Task<Stream> OpenReadAsync(string location, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(
            location, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous));

    public Task<IReadOnlyList<ObjectContent>> ReadWholeAsync(
        IReadOnlyList<StoredObject> objects, int maxConcurrentReads, CancellationToken cancellationToken)
    {
        var contents = new ObjectContent?[objects.Count];
        try
        {
            Parallel.For(0, objects.Count, Spread(maxConcurrentReads, cancellationToken), i => contents[i] = ReadWhole(objects[i]));
            return Task.FromResult<IReadOnlyList<ObjectContent>>(contents!);
        }
        catch (Exception error)
        {
            ObjectContent.DisposeAll(contents);
            return Task.FromException<IReadOnlyList<ObjectContent>>(FirstOf(error));
        }
    }

    public async Task WriteAsync(string location, Stream content, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(location))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(location)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var target = new FileStream(
                temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(target, CopyBufferSize, cancellationToken);
                await target.FlushAsync(cancellationToken);
                target.Flush(flushToDisk: true);
            }
            File.Move(temporary, location, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<bool> ExistsAsync(string location, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(location));

    public Task<StoredObject?> StatAsync(string location, CancellationToken cancellationToken) =>
        Task.FromResult(LocalUnchangedDeletes.Stat(location));

    public Task<ConditionalDelete> DeleteUnchangedAsync(IReadOnlyList<StoredObject> listed, CancellationToken cancellationToken)
    {
        try
        {
            var spread = Spread(listed.Count < DeletesWorthSpreading ? 1 : int.MaxValue, cancellationToken);
            return Task.FromResult(LocalUnchangedDeletes.Delete(listed, spread));
        }
        catch (Exception error)
        {
            return Task.FromException<ConditionalDelete>(FirstOf(error));
        }
    }

    /// <summary>Temporary files of writes a killed process never finished, untouched since <paramref name="staleBefore"/>.</summary>
    public Task<int> RemoveStaleTemporariesAsync(string location, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(location))
        {
            return Task.FromResult(0);
        }
        var stale = new FileSystemEnumerable<string>(location, (ref entry) => entry.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldRecursePredicate = (ref entry) => !IsLink(ref entry),
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory && !IsLink(ref entry)
                && IsOwnTemporary(entry.FileName) && entry.LastWriteTimeUtc < staleBefore,
        }.ToList();
        var removed = 0;
        foreach (var temporary in stale)
        {
            cancellationToken.ThrowIfCancellationRequested();
            File.Delete(temporary);
            removed++;
        }
        return Task.FromResult(removed);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> locations, CancellationToken cancellationToken)
    {
        if (locations.Count < DeletesWorthSpreading)
        {
            foreach (var location in locations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                File.Delete(location);
            }
            return Task.CompletedTask;
        }
        try
        {
            Parallel.ForEach(locations, Spread(int.MaxValue, cancellationToken), File.Delete);
            return Task.CompletedTask;
        }
        catch (Exception error)
        {
            return Task.FromException(FirstOf(error));
        }
    }

    private static ObjectContent ReadWhole(StoredObject stored)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ConcurrentObjectReads.BufferSize(stored.Size));
        try
        {
            // The read may swap the buffer for a larger one, so the length is taken before the buffer.
            var length = LocalFileReader.ReadWhole(stored.Location, stored.Size, ref buffer);
            return new ObjectContent(stored, buffer, length);
        }
        catch (Exception error)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new ObjectReadException(stored.Location, error);
        }
    }

    private static ParallelOptions Spread(int limit, CancellationToken cancellationToken) => new()
    {
        MaxDegreeOfParallelism = Math.Clamp(limit, 1, Environment.ProcessorCount),
        CancellationToken = cancellationToken,
    };

    /// <summary>The first failure of a parallel loop as itself (an <see cref="ObjectReadException"/>, say), not wrapped.</summary>
    private static Exception FirstOf(Exception error) =>
        error is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : error;

    /// <summary>.NET marks a symbolic link (to a file or a folder, even a dangling one) as a reparse point.</summary>
    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    /// <summary>
    /// Temporary files of an unfinished write (<c>.NAME.GUID.tmp</c>, see <see cref="WriteAsync"/>) are never listed
    /// as objects.
    /// </summary>
    private static bool IsTemporary(ReadOnlySpan<char> fileName) =>
        fileName.StartsWith('.') && fileName.EndsWith(".tmp", StringComparison.Ordinal);

    /// <summary>Exactly the temporaries this store makes, so no one else's <c>.tmp</c> file is ever removed.</summary>
    private static bool IsOwnTemporary(ReadOnlySpan<char> fileName)
    {
        const int Tail = 1 + 32 + 4; // ".GUID.tmp"
        return IsTemporary(fileName) && fileName.Length > Tail + 1 && fileName[^Tail] == '.'
            && fileName[^(Tail - 1)..^4].ContainsAnyExcept("0123456789abcdef") is false;
    }
}
