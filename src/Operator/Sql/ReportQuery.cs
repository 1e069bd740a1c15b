using System.Text.Json.Nodes;
using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Sql;

/// <summary>
/// One report query: its metadata file (kept verbatim for the report's <c>query_details</c>) and its SQL file.
/// </summary>
internal sealed record ReportQuery(
    QuerySet Set,
    string Name,
    string Description,
    int Order,
    bool Enabled,
    bool ShowColumnNames,
    string SqlPath,
    JsonObject Metadata)
{
    public string Render(SqlParameters parameters) => SqlTemplate.Render(SqlResources.Read(SqlPath), parameters, SqlPath);
}
