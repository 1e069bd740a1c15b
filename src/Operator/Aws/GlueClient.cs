namespace KafkaRecon.Operator.Aws;

/// <summary>The Glue operations kafka-recon needs. Swap for AWSSDK.Glue when that package is available.</summary>
internal sealed class GlueClient(AwsJsonTransport transport)
{
    public async Task<string> StartJobRunAsync(StartJobRunRequest request, CancellationToken cancellationToken)
    {
        var response = await transport.InvokeAsync<StartJobRunRequest, StartJobRunResponse>(
            "StartJobRun", request, cancellationToken);
        return response.JobRunId;
    }

    public async Task<JobRun> GetJobRunAsync(string jobName, string runId, CancellationToken cancellationToken)
    {
        var response = await transport.InvokeAsync<GetJobRunRequest, GetJobRunResponse>(
            "GetJobRun", new GetJobRunRequest(jobName, runId), cancellationToken);
        return response.JobRun;
    }

    /// <summary>Every run of the job, following <c>NextToken</c>.</summary>
    public async IAsyncEnumerable<JobRun> GetJobRunsAsync(
        string jobName, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken,
        int pageSize = 200)
    {
        string? nextToken = null;
        do
        {
            var page = await transport.InvokeAsync<GetJobRunsRequest, GetJobRunsResponse>(
                "GetJobRuns", new GetJobRunsRequest(jobName, nextToken, pageSize), cancellationToken);
            foreach (var run in page.JobRuns ?? [])
            {
                yield return run;
            }
            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));
    }

    public Task<BatchStopJobRunResponse> BatchStopJobRunAsync(
        string jobName, IReadOnlyList<string> runIds, CancellationToken cancellationToken) =>
        transport.InvokeAsync<BatchStopJobRunRequest, BatchStopJobRunResponse>(
            "BatchStopJobRun", new BatchStopJobRunRequest(jobName, runIds), cancellationToken);
}
