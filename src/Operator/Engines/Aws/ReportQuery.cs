namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// One report query: its name (as shown in the report), its order, and its SQL with <c>{{placeholder}}</c>s for
/// the table names (<c>{{missing_imports}}</c>, <c>{{missing_exports}}</c>, <c>{{mismatched_timestamps}}</c>,
/// <c>{{counts}}</c>) and <c>{{ids_per_collection}}</c>.
/// </summary>
internal sealed record ReportQuery(string Name, int Order, string SqlTemplate);

/// <summary>What one report query produced: its rows, or the reason it failed.</summary>
internal sealed record ReportQueryOutcome(
    ReportQuery Query, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, string? Error)
{
    public bool Failed => Error is not null;
}
