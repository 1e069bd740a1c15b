namespace KafkaRecon.Operator.Coalescing;

/// <summary>What a coalesce did. <see cref="Failures"/> empty means every batch completed.</summary>
internal sealed record CoalesceReport
{
    public long FilesRead { get; init; }
    public long FilesWritten { get; init; }
    public long FilesDeleted { get; init; }
    public long BytesRead { get; init; }
    public long BytesWritten { get; init; }
    public long LinesWritten { get; init; }
    /// <summary>Batches merged, verified and whose originals were deleted by this run.</summary>
    public long BatchesMerged { get; init; }
    /// <summary>Batches an interrupted earlier run had merged, whose leftover originals this run deleted.</summary>
    public long BatchesCompleted { get; init; }
    /// <summary>Originals left alone because they were alone in their batch.</summary>
    public long SingleFilesSkipped { get; init; }
    /// <summary>Originals not merged because they were modified less than the minimum file age ago.</summary>
    public long YoungFilesSkipped { get; init; }
    /// <summary>Batches whose merged file was removed, all originals kept, because one changed while it was merged.</summary>
    public long BatchesDeferred { get; init; }
    /// <summary>Originals found changed (appended to) after they were listed; kept for a later run.</summary>
    public long ChangedFilesKept { get; init; }
    /// <summary>Temporary files or uploads a killed earlier coalesce left behind, removed by this run.</summary>
    public long TemporariesRemoved { get; init; }
    /// <summary>Symbolic links in the location, to files or folders: never followed, so nothing behind them was touched.</summary>
    public long SymbolicLinksSkipped { get; init; }
    public IReadOnlyList<CoalesceFailure> Failures { get; init; } = [];
    public TimeSpan Elapsed { get; init; }

    public bool Succeeded => Failures.Count == 0;
}
