namespace KafkaRecon.Operator.Aws;

// Wire shapes of the Batch operations kafka-recon uses (REST-JSON, camelCase members).

// No tags: tagging on create needs batch:TagResource besides batch:SubmitJob, and nothing reads job tags; the
// deterministic job name (AwsNames.BatchJobName) already names the run, and finds the job again.
internal sealed record SubmitJobRequest(
    string JobName,
    string JobQueue,
    string JobDefinition,
    ContainerOverrides? ContainerOverrides = null);

internal sealed record ContainerOverrides(
    IReadOnlyList<string>? Command = null, IReadOnlyList<KeyValuePair>? Environment = null);

internal sealed record KeyValuePair(string Name, string Value);

internal sealed record SubmitJobResponse(string JobId, string? JobName, string? JobArn);

internal sealed record DescribeJobsRequest(IReadOnlyList<string> Jobs);

internal sealed record DescribeJobsResponse(IReadOnlyList<BatchJobDetail>? Jobs);

internal sealed record BatchJobDetail(
    string JobId,
    string JobName,
    string Status,
    string? StatusReason = null,
    string? JobQueue = null,
    long? StartedAt = null,
    long? StoppedAt = null,
    BatchContainerDetail? Container = null);

internal sealed record BatchContainerDetail(int? Vcpus = null, IReadOnlyList<BatchResourceRequirement>? ResourceRequirements = null);

internal sealed record BatchResourceRequirement(string Type, string Value);

internal sealed record ListJobsRequest(
    string? JobQueue = null,
    string? JobStatus = null,
    IReadOnlyList<KeyValuesPair>? Filters = null,
    string? NextToken = null,
    int? MaxResults = null);

internal sealed record KeyValuesPair(string Name, IReadOnlyList<string> Values);

internal sealed record ListJobsResponse(IReadOnlyList<BatchJobSummary>? JobSummaryList, string? NextToken);

internal sealed record BatchJobSummary(string JobId, string JobName, string? Status, string? StatusReason = null);

internal sealed record TerminateJobRequest(string JobId, string Reason);

internal static class BatchJobStatus
{
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";

    public static bool IsTerminal(string status) => status is Succeeded or Failed;
}
