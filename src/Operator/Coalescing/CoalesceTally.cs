using System.Collections.Concurrent;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>Thread-safe running totals of a coalesce, turned into a <see cref="CoalesceReport"/> at the end.</summary>
internal sealed class CoalesceTally
{
    private long _filesRead;
    private long _filesWritten;
    private long _filesDeleted;
    private long _bytesRead;
    private long _bytesWritten;
    private long _linesWritten;
    private long _batchesMerged;
    private long _batchesCompleted;
    private long _batchesDeferred;
    private long _filesChanged;
    private readonly ConcurrentQueue<CoalesceFailure> _failures = new();

    public void Read(long files, long bytes)
    {
        Interlocked.Add(ref _filesRead, files);
        Interlocked.Add(ref _bytesRead, bytes);
    }

    public void Written(long bytes, long lines)
    {
        Interlocked.Increment(ref _filesWritten);
        Interlocked.Add(ref _bytesWritten, bytes);
        Interlocked.Add(ref _linesWritten, lines);
    }

    public void Deleted(long files) => Interlocked.Add(ref _filesDeleted, files);

    public void Merged() => Interlocked.Increment(ref _batchesMerged);

    public void Completed() => Interlocked.Increment(ref _batchesCompleted);

    /// <summary>A batch left for a later run because <paramref name="changedFiles"/> of its originals changed while merged.</summary>
    public void Deferred(long changedFiles)
    {
        Interlocked.Increment(ref _batchesDeferred);
        Interlocked.Add(ref _filesChanged, changedFiles);
    }

    public void Failed(CoalesceFailure failure) => _failures.Enqueue(failure);

    public CoalesceReport ToReport(long singleFilesSkipped, TimeSpan elapsed) => new()
    {
        FilesRead = _filesRead,
        FilesWritten = _filesWritten,
        FilesDeleted = _filesDeleted,
        BytesRead = _bytesRead,
        BytesWritten = _bytesWritten,
        LinesWritten = _linesWritten,
        BatchesMerged = _batchesMerged,
        BatchesCompleted = _batchesCompleted,
        BatchesDeferred = _batchesDeferred,
        ChangedFilesKept = _filesChanged,
        SingleFilesSkipped = singleFilesSkipped,
        Failures = [.. _failures.OrderBy(f => f.Target, StringComparer.Ordinal)],
        Elapsed = elapsed,
    };
}
