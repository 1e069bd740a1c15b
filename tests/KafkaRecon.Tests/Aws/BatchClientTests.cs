using KafkaRecon.Operator.Aws;

namespace KafkaRecon.Tests.Aws;

[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class BatchClientTests(MotoServer moto)
{
    [Fact]
    public async Task Submitted_job_is_described_listed_by_name_and_terminated()
    {
        var environment = await MotoBatchEnvironment.CreateAsync(moto);
        using var clients = moto.Clients();
        var submitted = await clients.Batch.SubmitJobAsync(
            new SubmitJobRequest("job-one", environment.JobQueue, environment.JobDefinition,
                new ContainerOverrides(["kafka-recon", "coalesce"])),
            CancellationToken.None);

        var described = await clients.Batch.DescribeJobsAsync([submitted.JobId], CancellationToken.None);
        var found = await clients.Batch.FindJobsByNameAsync(environment.JobQueue, "job-one", CancellationToken.None).ToListAsync();
        var notFound = await clients.Batch.FindJobsByNameAsync(environment.JobQueue, "job-two", CancellationToken.None).ToListAsync();
        await clients.Batch.TerminateJobAsync(submitted.JobId, "test", CancellationToken.None);

        Assert.Equal("job-one", Assert.Single(described).JobName);
        Assert.Equal(BatchJobStatus.Succeeded, described[0].Status);
        Assert.Equal(submitted.JobId, Assert.Single(found).JobId);
        Assert.Empty(notFound);
    }

    [Fact]
    public async Task Describing_more_than_one_hundred_jobs_asks_in_chunks()
    {
        var environment = await MotoBatchEnvironment.CreateAsync(moto);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var clients = moto.Clients(proxy.Endpoint);
        var ids = new List<string>();
        for (var i = 0; i < 130; i++)
        {
            var job = await clients.Batch.SubmitJobAsync(
                new SubmitJobRequest($"bulk-{i}", environment.JobQueue, environment.JobDefinition), CancellationToken.None);
            ids.Add(job.JobId);
        }

        var described = await clients.Batch.DescribeJobsAsync(ids, CancellationToken.None);

        Assert.Equal(ids.Order(), described.Select(j => j.JobId).Order());
        Assert.Equal(2, proxy.Count("describejobs"));
    }

    [Fact]
    public async Task Listing_follows_next_tokens_across_pages()
    {
        // moto does not paginate ListJobs, so the proxy serves the first page and hands the token back to moto.
        var environment = await MotoBatchEnvironment.CreateAsync(moto);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Answer(
            r => r.Operation == "listjobs" && !r.Body.Contains("nextToken"),
            _ => """{"jobSummaryList": [{"jobId": "page-one-job", "jobName": "paged", "status": "RUNNING"}], "nextToken": "t2"}""");
        using var clients = moto.Clients(proxy.Endpoint);
        await clients.Batch.SubmitJobAsync(
            new SubmitJobRequest("paged", environment.JobQueue, environment.JobDefinition), CancellationToken.None);

        var jobs = await clients.Batch.FindJobsByNameAsync(environment.JobQueue, "paged", CancellationToken.None).ToListAsync();

        Assert.Equal(2, jobs.Count);
        Assert.Equal("page-one-job", jobs[0].JobId);
        Assert.Equal(2, proxy.Count("listjobs"));
    }

    [Fact]
    public async Task Unknown_queue_is_a_validation_error()
    {
        using var clients = moto.Clients();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.Batch.FindJobsByNameAsync("no-such-queue", "x", CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal(AwsErrorKind.Validation, error.Kind);
        Assert.Contains("no-such-queue", error.Message);
    }
}
