namespace KafkaRecon.Operator.Aws;

/// <summary>The Glue operations kafka-recon needs. Swap for AWSSDK.Glue when that package is available.</summary>
internal sealed class GlueClient(AwsJsonTransport transport)
{
    /// <summary>
    /// Starts a run. StartJobRun takes no idempotency token, so when <paramref name="runKeyArgument"/> names one of
    /// the request's arguments, every retry first looks for a run of the job carrying the same value, which an
    /// attempt whose answer was lost may have started, and returns that run instead of starting a second one.
    /// </summary>
    public async Task<string> StartJobRunAsync(
        StartJobRunRequest request, CancellationToken cancellationToken, string? runKeyArgument = null)
    {
        Func<CancellationToken, Task<StartJobRunResponse?>>? findStarted = null;
        if (runKeyArgument is not null)
        {
            var key = request.Arguments?.GetValueOrDefault(runKeyArgument)
                ?? throw new ArgumentException($"The run's arguments carry no {runKeyArgument}.", nameof(request));
            findStarted = async token => await FindRunAsync(request.JobName, runKeyArgument, key, token) is { } run
                ? new StartJobRunResponse(run.Id)
                : null;
        }
        var response = await transport.InvokeAsync<StartJobRunRequest, StartJobRunResponse>(
            "StartJobRun", request, findStarted, cancellationToken);
        return response.JobRunId;
    }

    /// <summary>The run of the job whose argument <paramref name="argument"/> is <paramref name="value"/>, if any.</summary>
    public async Task<JobRun?> FindRunAsync(
        string jobName, string argument, string value, CancellationToken cancellationToken)
    {
        await foreach (var run in GetJobRunsAsync(jobName, cancellationToken))
        {
            if (run.Arguments is { } arguments && arguments.TryGetValue(argument, out var found) && found == value)
            {
                return run;
            }
        }
        return null;
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

    /// <summary>Removes a catalog table (never its data); true when it existed, false when it was already gone.</summary>
    public async Task<bool> DeleteTableAsync(string database, string table, CancellationToken cancellationToken)
    {
        try
        {
            await transport.InvokeAsync<DeleteTableRequest, DeleteTableResponse>(
                "DeleteTable", new DeleteTableRequest(database, table), cancellationToken);
            return true;
        }
        catch (AwsServiceException e) when (e.ErrorCode == "EntityNotFoundException")
        {
            return false;
        }
    }
}
