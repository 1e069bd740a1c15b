using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>
/// Reads a batch's originals ahead of the writer, in order, a chunk of consecutive small originals at a time through
/// <see cref="IObjectStore.ReadWholeAsync"/> (the store knows its quickest way: a thread per core for local files,
/// overlapping requests for S3), the next chunks read while the current one is written. Handing over a chunk rather
/// than a file keeps the cost of waking the writer off the per-file path. Large originals are not read ahead: the
/// writer streams them. At most about <see cref="PrefetchLimits.MaxBytes"/> bytes are held at once.
/// </summary>
internal sealed class MemberPrefetcher(
    IObjectStore store, IReadOnlyList<ManifestFile> members, PrefetchLimits limits, CancellationToken cancellationToken)
    : IAsyncDisposable
{
    private const int ChunksInFlight = 2;
    private const int FilesPerChunkPerRead = 16;

    private readonly Queue<Task<PrefetchedMember[]>> _inFlight = new();
    private PrefetchedMember?[] _current = [];
    private int _nextInCurrent;
    private int _nextToRead;

    private long ChunkBytes => Math.Max(1, limits.MaxBytes / (ChunksInFlight + 1));
    private int ChunkFiles => Math.Max(1, limits.MaxReads) * FilesPerChunkPerRead;

    /// <summary>The next original in order, or null when all were handed out. Throws <see cref="MemberReadException"/>.</summary>
    public async ValueTask<PrefetchedMember?> NextAsync()
    {
        while (_nextInCurrent == _current.Length)
        {
            TopUp();
            if (!_inFlight.TryDequeue(out var chunk))
            {
                return null;
            }
            _current = await chunk.ConfigureAwait(false);
            _nextInCurrent = 0;
            TopUp();
        }
        var member = _current[_nextInCurrent];
        _current[_nextInCurrent++] = null;
        return member;
    }

    public async ValueTask DisposeAsync()
    {
        DisposeAll(_current);
        while (_inFlight.TryDequeue(out var pending))
        {
            try
            {
                DisposeAll(await pending.ConfigureAwait(false));
            }
            catch (Exception)
            {
                // The batch is already failing or finished; this chunk's outcome no longer matters.
            }
        }
    }

    private void TopUp()
    {
        while (_inFlight.Count < ChunksInFlight && _nextToRead < members.Count)
        {
            if (IsLarge(members[_nextToRead]))
            {
                _inFlight.Enqueue(Task.FromResult<PrefetchedMember[]>([new PrefetchedMember(members[_nextToRead++], null)]));
                continue;
            }
            var chunk = new List<ManifestFile>();
            long bytes = 0;
            while (_nextToRead < members.Count && !IsLarge(members[_nextToRead]) && chunk.Count < ChunkFiles
                   && (chunk.Count == 0 || bytes + members[_nextToRead].Object.Size <= ChunkBytes))
            {
                bytes += members[_nextToRead].Object.Size;
                chunk.Add(members[_nextToRead++]);
            }
            // Off the writer's thread: a local store reads synchronously.
            _inFlight.Enqueue(Task.Run(() => ReadAsync(chunk), cancellationToken));
        }
    }

    private bool IsLarge(ManifestFile file) => file.Object.Size > limits.LargestBufferedFile;

    private async Task<PrefetchedMember[]> ReadAsync(List<ManifestFile> chunk)
    {
        try
        {
            var contents = await store.ReadWholeAsync(chunk.ConvertAll(f => f.Object), limits.MaxReads, cancellationToken)
                .ConfigureAwait(false);
            return [.. chunk.Select((file, i) => new PrefetchedMember(file, contents[i]))];
        }
        catch (ObjectReadException error)
        {
            throw new MemberReadException(error.Location, error.InnerException ?? error);
        }
    }

    private static void DisposeAll(IEnumerable<PrefetchedMember?> chunk)
    {
        foreach (var member in chunk)
        {
            member?.Dispose();
        }
    }
}
