using System.Runtime.CompilerServices;

namespace KafkaRecon.Operator.Aws;

/// <summary>The Batch operations kafka-recon needs. Swap for AWSSDK.Batch when that package is available.</summary>
internal sealed class BatchClient(AwsJsonTransport transport)
{
    /// <summary>DescribeJobs accepts at most this many ids per call.</summary>
    public const int DescribeLimit = 100;

    /// <summary>
    /// Submits a job. SubmitJob takes no idempotency token and kafka-recon's job names are deterministic per
    /// idempotency key, so every retry first looks for a job of that name in the queue, which an attempt whose
    /// answer was lost may have submitted, and returns it instead of submitting a second one.
    /// </summary>
    public Task<SubmitJobResponse> SubmitJobAsync(SubmitJobRequest request, CancellationToken cancellationToken) =>
        transport.InvokeAsync<SubmitJobRequest, SubmitJobResponse>(
            "SubmitJob", request,
            async token =>
            {
                await foreach (var job in FindJobsByNameAsync(request.JobQueue, request.JobName, token))
                {
                    return new SubmitJobResponse(job.JobId, job.JobName, null);
                }
                return null;
            },
            cancellationToken, "/v1/submitjob");

    /// <summary>Details of the jobs, asked in chunks of <see cref="DescribeLimit"/>; unknown ids are left out.</summary>
    public async Task<IReadOnlyList<BatchJobDetail>> DescribeJobsAsync(
        IReadOnlyList<string> jobIds, CancellationToken cancellationToken)
    {
        var details = new List<BatchJobDetail>();
        foreach (var chunk in jobIds.Chunk(DescribeLimit))
        {
            var response = await transport.InvokeAsync<DescribeJobsRequest, DescribeJobsResponse>(
                "DescribeJobs", new DescribeJobsRequest(chunk), cancellationToken, "/v1/describejobs");
            details.AddRange(response.Jobs ?? []);
        }
        return details;
    }

    /// <summary>Every job matching the request, following <c>nextToken</c>.</summary>
    public async IAsyncEnumerable<BatchJobSummary> ListJobsAsync(
        ListJobsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = request;
        while (true)
        {
            var response = await transport.InvokeAsync<ListJobsRequest, ListJobsResponse>(
                "ListJobs", page, cancellationToken, "/v1/listjobs");
            foreach (var job in response.JobSummaryList ?? [])
            {
                yield return job;
            }
            if (string.IsNullOrEmpty(response.NextToken))
            {
                yield break;
            }
            page = page with { NextToken = response.NextToken };
        }
    }

    /// <summary>Every job with exactly this name in the queue, whatever its status.</summary>
    public IAsyncEnumerable<BatchJobSummary> FindJobsByNameAsync(
        string jobQueue, string jobName, CancellationToken cancellationToken) =>
        ListJobsAsync(new ListJobsRequest(jobQueue, Filters: [new KeyValuesPair("JOB_NAME", [jobName])]), cancellationToken)
            .Where(j => string.Equals(j.JobName, jobName, StringComparison.Ordinal));

    public Task TerminateJobAsync(string jobId, string reason, CancellationToken cancellationToken) =>
        transport.InvokeAsync<TerminateJobRequest, object>(
            "TerminateJob", new TerminateJobRequest(jobId, reason), cancellationToken, "/v1/terminatejob");
}
