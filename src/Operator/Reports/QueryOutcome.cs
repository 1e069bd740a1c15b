using KafkaRecon.Operator.Sql;

namespace KafkaRecon.Operator.Reports;

/// <summary>
/// What one report query produced: its column names and every row, values already as report strings
/// (SQL NULL is the string <c>null</c>); or, when it failed, why.
/// </summary>
internal sealed record QueryOutcome(ReportQuery Query)
{
    public IReadOnlyList<string> Columns { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; init; } = [];

    /// <summary>Null when the query succeeded.</summary>
    public string? Error { get; init; }

    public bool Failed => Error is not null;

    public static QueryOutcome Success(
        ReportQuery query, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows) =>
        new(query) { Columns = columns, Rows = rows };

    public static QueryOutcome Failure(ReportQuery query, string error) =>
        new(query) { Error = error.ReplaceLineEndings(" ").Trim() };
}
