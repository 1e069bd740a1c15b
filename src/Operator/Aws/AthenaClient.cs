namespace KafkaRecon.Operator.Aws;

/// <summary>The Athena operations kafka-recon needs. Swap for AWSSDK.Athena when that package is available.</summary>
internal sealed class AthenaClient(AwsJsonTransport transport)
{
    public async Task<string> StartQueryExecutionAsync(
        StartQueryExecutionRequest request, CancellationToken cancellationToken)
    {
        if (request.ClientRequestToken.Length is < 32 or > 128)
        {
            throw new ArgumentException(
                $"Athena ClientRequestToken must be 32-128 characters; got {request.ClientRequestToken.Length}.",
                nameof(request));
        }
        var response = await transport.InvokeAsync<StartQueryExecutionRequest, StartQueryExecutionResponse>(
            "StartQueryExecution", request, cancellationToken);
        return response.QueryExecutionId;
    }

    public async Task<QueryExecution> GetQueryExecutionAsync(string queryExecutionId, CancellationToken cancellationToken)
    {
        var response = await transport.InvokeAsync<QueryExecutionIdRequest, GetQueryExecutionResponse>(
            "GetQueryExecution", new QueryExecutionIdRequest(queryExecutionId), cancellationToken);
        return response.QueryExecution;
    }

    /// <summary>Every page of the result. Athena repeats the column names as the first row of the first page.</summary>
    public async Task<AthenaResultTable> GetAllQueryResultsAsync(
        string queryExecutionId, CancellationToken cancellationToken, bool firstRowIsHeader = true)
    {
        var rows = new List<IReadOnlyList<string?>>();
        IReadOnlyList<string>? columns = null;
        string? nextToken = null;
        var firstPage = true;
        do
        {
            var page = await transport.InvokeAsync<GetQueryResultsRequest, GetQueryResultsResponse>(
                "GetQueryResults", new GetQueryResultsRequest(queryExecutionId, nextToken, 1000), cancellationToken);
            columns ??= page.ResultSet.ResultSetMetadata?.ColumnInfo?.Select(c => c.Name).ToList();
            var pageRows = page.ResultSet.Rows ?? [];
            var skip = firstPage && firstRowIsHeader && pageRows.Count > 0 ? 1 : 0;
            rows.AddRange(pageRows.Skip(skip).Select(r =>
                (IReadOnlyList<string?>)(r.Data ?? []).Select(d => d.VarCharValue).ToList()));
            nextToken = page.NextToken;
            firstPage = false;
        }
        while (!string.IsNullOrEmpty(nextToken));
        return new AthenaResultTable(columns ?? [], rows);
    }

    public Task StopQueryExecutionAsync(string queryExecutionId, CancellationToken cancellationToken) =>
        transport.InvokeAsync<QueryExecutionIdRequest, object>(
            "StopQueryExecution", new QueryExecutionIdRequest(queryExecutionId), cancellationToken);
}
