namespace KafkaRecon.Operator.Sql;

/// <summary>
/// One SELECT of the comparison ETL. Its result is known to later steps by <see cref="Name"/>; an engine keeps
/// intermediates as views or cached tables as it sees fit and persists each output as a result table.
/// </summary>
internal sealed record ComparisonStep(string Name, ComparisonStepKind Kind)
{
    /// <summary>Shared results no later step reads once this step has run; an engine may free them.</summary>
    public IReadOnlyList<string> Releases { get; init; } = [];

    public string ResourcePath => $"transform/{Name}.sql";

    public string Render(SqlParameters parameters) =>
        SqlTemplate.Render(SqlResources.Read(ResourcePath), parameters, ResourcePath);
}

internal enum ComparisonStepKind
{
    /// <summary>A named SELECT each reader evaluates afresh (never materialised): the raw text classified per line.</summary>
    View,
    /// <summary>Read by several later steps: materialise it once.</summary>
    Shared,
    /// <summary>One of the four result tables.</summary>
    Output,
}
