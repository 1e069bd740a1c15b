namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>What one report query produced: its rows, or the reason it failed.</summary>
internal sealed record ReportQueryOutcome(
    ReportQuery Query, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, string? Error)
{
    public bool Failed => Error is not null;
}
