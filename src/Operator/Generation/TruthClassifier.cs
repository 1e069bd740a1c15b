namespace KafkaRecon.Operator.Generation;

/// <summary>
/// Applies docs/comparison-semantics.md to one record's own rows: keep each side's rows inside the window, take each
/// side's latest, then compare. Works from the rows the generator writes, never from the files or SQL.
/// </summary>
internal static class TruthClassifier
{
    public static RecordOutcome Classify(in SampleRecord record, SampleWindow window)
    {
        var import = Latest(record.ImportRows, record.ImportTimestamp0, record.ImportTimestamp1, window);
        var export = Latest(record.ExportRows, record.ExportTimestamp0, record.ExportTimestamp1, window);
        return (import, export) switch
        {
            (null, null) => RecordOutcome.Absent,
            (not null, null) => RecordOutcome.MissingExport,
            (null, not null) => RecordOutcome.MissingImport,
            var (i, e) when i == e => RecordOutcome.Matched,
            var (i, e) when i < e => RecordOutcome.EarlierInImport,
            _ => RecordOutcome.EarlierInExport,
        };
    }

    /// <summary>Whether both of a side's rows fall in the window: the id is then a duplicate on that side.</summary>
    public static bool Duplicated(int rows, long first, long second, SampleWindow window) =>
        rows >= 2 && window.Contains(first) && window.Contains(second);

    private static long? Latest(int rows, long first, long second, SampleWindow window)
    {
        long? latest = null;
        if (rows >= 1 && window.Contains(first))
        {
            latest = first;
        }
        if (rows >= 2 && window.Contains(second) && (latest is null || second > latest))
        {
            latest = second;
        }
        return latest;
    }
}
