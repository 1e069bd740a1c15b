namespace KafkaRecon.Operator.Aws;

// Wire shapes of the Athena operations kafka-recon uses (AWS JSON 1.1, member names as in the API reference).

internal sealed record StartQueryExecutionRequest(
    string QueryString,
    string ClientRequestToken,
    string? WorkGroup = null,
    QueryExecutionContext? QueryExecutionContext = null,
    ResultConfiguration? ResultConfiguration = null);

internal sealed record QueryExecutionContext(string? Database = null, string? Catalog = null);

internal sealed record ResultConfiguration(string? OutputLocation = null);

internal sealed record StartQueryExecutionResponse(string QueryExecutionId);

internal sealed record QueryExecutionIdRequest(string QueryExecutionId);

internal sealed record GetQueryExecutionResponse(QueryExecution QueryExecution);

internal sealed record QueryExecution(
    string QueryExecutionId, string? Query, QueryExecutionStatus Status, QueryExecutionStatistics? Statistics = null);

internal sealed record QueryExecutionStatistics(long? DataScannedInBytes = null, long? EngineExecutionTimeInMillis = null);

internal sealed record QueryExecutionStatus(string State, string? StateChangeReason = null);

internal sealed record GetQueryResultsRequest(string QueryExecutionId, string? NextToken = null, int? MaxResults = null);

internal sealed record GetQueryResultsResponse(ResultSet ResultSet, string? NextToken);

internal sealed record ResultSet(IReadOnlyList<ResultRow>? Rows, ResultSetMetadata? ResultSetMetadata);

internal sealed record ResultRow(IReadOnlyList<ResultDatum>? Data);

internal sealed record ResultDatum(string? VarCharValue);

internal sealed record ResultSetMetadata(IReadOnlyList<ColumnInfo>? ColumnInfo);

internal sealed record ColumnInfo(string Name, string? Type);

/// <summary>All pages of one query's result: column names and rows of nullable strings, header row excluded.</summary>
internal sealed record AthenaResultTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

internal static class AthenaQueryState
{
    public const string Queued = "QUEUED";
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";

    public static bool IsTerminal(string state) => state is Succeeded or Failed or Cancelled;
}
