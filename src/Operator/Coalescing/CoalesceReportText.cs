using System.Globalization;

namespace KafkaRecon.Operator.Coalescing;

/// <summary>One-line and multi-line descriptions of a <see cref="CoalesceReport"/> for people.</summary>
internal static class CoalesceReportText
{
    public static string Summary(CoalesceReport report)
    {
        var seconds = Math.Max(report.Elapsed.TotalSeconds, 1e-6);
        return string.Create(CultureInfo.InvariantCulture,
            $"{report.FilesRead} files read ({Megabytes(report.BytesRead)}), {report.FilesWritten} written " +
            $"({Megabytes(report.BytesWritten)}, {report.LinesWritten} lines), {report.FilesDeleted} originals deleted, " +
            $"{report.BatchesMerged} batches merged, {report.BatchesCompleted} earlier batches completed, " +
            $"{report.SingleFilesSkipped} single files left as they were, " +
            $"{report.YoungFilesSkipped} files younger than the minimum age left for later, " +
            $"{report.BatchesDeferred} batches deferred ({report.ChangedFilesKept} originals changed while merged), " +
            $"{report.TemporariesRemoved} stale temporaries removed, " +
            $"{report.SymbolicLinksSkipped} symbolic links not followed, {report.Failures.Count} failed; " +
            $"{report.Elapsed.TotalSeconds:0.00} s, {report.FilesRead / seconds:0} files/s, " +
            $"{report.BytesRead / seconds / 1e6:0.0} MB/s");
    }

    /// <summary>The failures, at most <paramref name="limit"/> of them, each naming its merged file and reason.</summary>
    public static string Failures(CoalesceReport report, int limit)
    {
        var shown = report.Failures.Take(limit).Select(f => f.ToString());
        var rest = report.Failures.Count - limit;
        return string.Join("; ", rest > 0 ? shown.Append($"and {rest} more") : shown);
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB");
}
