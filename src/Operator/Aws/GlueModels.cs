namespace KafkaRecon.Operator.Aws;

// Wire shapes of the Glue operations kafka-recon uses (AWS JSON 1.1, member names as in the API reference).

internal sealed record StartJobRunRequest(
    string JobName, IReadOnlyDictionary<string, string>? Arguments = null, int? Timeout = null);

internal sealed record StartJobRunResponse(string JobRunId);

internal sealed record GetJobRunRequest(string JobName, string RunId);

internal sealed record GetJobRunResponse(JobRun JobRun);

internal sealed record GetJobRunsRequest(string JobName, string? NextToken = null, int? MaxResults = null);

internal sealed record GetJobRunsResponse(IReadOnlyList<JobRun>? JobRuns, string? NextToken);

internal sealed record JobRun(
    string Id,
    string? JobName,
    string JobRunState,
    IReadOnlyDictionary<string, string>? Arguments = null,
    string? ErrorMessage = null,
    int? ExecutionTime = null,
    double? MaxCapacity = null,
    string? WorkerType = null,
    int? NumberOfWorkers = null,
    double? DPUSeconds = null);

internal sealed record BatchStopJobRunRequest(string JobName, IReadOnlyList<string> JobRunIds);

internal sealed record BatchStopJobRunResponse(
    IReadOnlyList<BatchStopJobRunSuccessfulSubmission>? SuccessfulSubmissions,
    IReadOnlyList<BatchStopJobRunError>? Errors);

internal sealed record BatchStopJobRunSuccessfulSubmission(string? JobName, string? JobRunId);

internal sealed record BatchStopJobRunError(string? JobName, string? JobRunId, GlueErrorDetail? ErrorDetail);

internal sealed record GlueErrorDetail(string? ErrorCode, string? ErrorMessage);

internal static class GlueJobRunState
{
    public const string Succeeded = "SUCCEEDED";

    public static bool IsTerminal(string state) =>
        state is "SUCCEEDED" or "FAILED" or "TIMEOUT" or "STOPPED" or "ERROR" or "EXPIRED";

    public static bool IsFailure(string state) => IsTerminal(state) && state != Succeeded;
}

internal sealed record DeleteTableRequest(string DatabaseName, string Name);

internal sealed record DeleteTableResponse;
