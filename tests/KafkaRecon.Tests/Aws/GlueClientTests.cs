using KafkaRecon.Operator.Aws;

namespace KafkaRecon.Tests.Aws;

[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class GlueClientTests(MotoServer moto) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => moto.UnsetTransitionAsync("glue::job_run");

    [Fact]
    public async Task Started_run_carries_its_arguments_and_advances_per_describe()
    {
        await moto.SetManualTransitionAsync("glue::job_run", 1);
        var job = await MotoGlueJob.CreateAsync(moto);
        using var clients = moto.Clients();

        var runId = await clients.Glue.StartJobRunAsync(
            new StartJobRunRequest(job, new Dictionary<string, string> { ["--kafka_recon_run"] = "key-1" }),
            CancellationToken.None);
        var states = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            states.Add((await clients.Glue.GetJobRunAsync(job, runId, CancellationToken.None)).JobRunState);
        }
        var listed = await clients.Glue.GetJobRunsAsync(job, CancellationToken.None).ToListAsync();

        Assert.Equal(["RUNNING", "SUCCEEDED", "SUCCEEDED"], states);
        Assert.Equal("key-1", Assert.Single(listed).Arguments!["--kafka_recon_run"]);
    }

    [Fact]
    public async Task Second_run_beyond_the_concurrency_limit_is_a_concurrency_limit_error()
    {
        await moto.SetManualTransitionAsync("glue::job_run", 100);
        var job = await MotoGlueJob.CreateAsync(moto);
        using var clients = moto.Clients();
        await clients.Glue.StartJobRunAsync(new StartJobRunRequest(job), CancellationToken.None);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.Glue.StartJobRunAsync(new StartJobRunRequest(job), CancellationToken.None));

        Assert.Equal(AwsErrorKind.ConcurrencyLimit, error.Kind);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Listing_runs_follows_next_tokens()
    {
        var job = await MotoGlueJob.CreateAsync(moto, maxConcurrentRuns: 10);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var clients = moto.Clients(proxy.Endpoint);
        for (var i = 0; i < 5; i++)
        {
            await clients.Glue.StartJobRunAsync(new StartJobRunRequest(job), CancellationToken.None);
        }

        var runs = await clients.Glue.GetJobRunsAsync(job, CancellationToken.None, pageSize: 2).ToListAsync();

        Assert.Equal(5, runs.Select(r => r.Id).Distinct().Count());
        Assert.Equal(3, proxy.Count("GetJobRuns"));
    }

    [Fact]
    public async Task Unknown_run_is_not_found()
    {
        var job = await MotoGlueJob.CreateAsync(moto);
        using var clients = moto.Clients();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.Glue.GetJobRunAsync(job, "jr_missing", CancellationToken.None));

        Assert.Equal(AwsErrorKind.NotFound, error.Kind);
    }
}
