namespace KafkaRecon.Operator.Retention;

/// <summary>What one retention pass deleted, and why any expired run was kept.</summary>
internal sealed record RetentionResult(
    TimeSpan Keep, string RunsLocation, int DeletedRuns, int DeletedObjects, int DroppedTables, IReadOnlyList<string> Errors)
{
    public string Describe() =>
        $"Deleted {DeletedRuns} run(s) older than {Keep.TotalDays:0}d under {RunsLocation} " +
        $"({DeletedObjects} object(s), {DroppedTables} catalog table(s))" +
        (Errors.Count == 0 ? "" : $"; kept {Errors.Count} for the next pass: {string.Join("; ", Errors.Take(5))}");
}
