using System.Collections.Concurrent;
using KafkaRecon.Operator.Aws;

namespace KafkaRecon.Tests.Aws;

[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class AwsJsonTransportRetryTests(MotoServer moto)
{
    [Theory]
    [InlineData(400, "ThrottlingException", "Throttling")]
    [InlineData(429, "TooManyRequestsException", "Throttling")]
    [InlineData(500, "InternalServiceException", "ServerError")]
    [InlineData(503, "ServiceUnavailable", "ServerError")]
    public async Task Transient_errors_are_retried_until_the_call_succeeds(int status, string errorType, string outcome)
    {
        var job = await MotoGlueJob.CreateAsync(moto);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.InjectError("GetJobRuns", times: 2, status, errorType);
        var observer = new RecordingObserver();
        using var clients = moto.Clients(proxy.Endpoint, observer);

        var runs = await clients.Glue.GetJobRunsAsync(job, CancellationToken.None).ToListAsync();

        Assert.Empty(runs);
        Assert.Equal(3, proxy.Count("GetJobRuns"));
        Assert.Equal([outcome, outcome, "success"], observer.Outcomes("glue", "GetJobRuns"));
    }

    [Fact]
    public async Task Validation_errors_are_not_retried()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.InjectError("GetJobRuns", times: 1, 400, "InvalidInputException", "JobName is too long");
        using var clients = moto.Clients(proxy.Endpoint);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.Glue.GetJobRunsAsync("any", CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal(AwsErrorKind.Validation, error.Kind);
        Assert.Contains("JobName is too long", error.Message);
        Assert.Equal(1, proxy.Count("GetJobRuns"));
    }

    [Fact]
    public async Task Persistent_throttling_gives_up_after_the_configured_attempts()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.InjectError("describejobs", times: 100, 429, "TooManyRequestsException");
        using var clients = new AwsClients(moto.Options(proxy.Endpoint) with { MaxRetryAttempts = 2 });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.Batch.DescribeJobsAsync(["job"], CancellationToken.None));

        Assert.Equal(AwsErrorKind.Throttling, error.Kind);
        Assert.Equal(3, proxy.Count("describejobs"));
    }

    [Fact]
    public async Task Attempt_exceeding_the_request_timeout_is_retried()
    {
        var job = await MotoGlueJob.CreateAsync(moto);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Delay("GetJobRuns", times: 1, TimeSpan.FromSeconds(30));
        var observer = new RecordingObserver();
        using var clients = new AwsClients(moto.Options(proxy.Endpoint) with { RequestTimeout = TimeSpan.FromSeconds(2) }, observer);

        var runs = await clients.Glue.GetJobRunsAsync(job, CancellationToken.None).ToListAsync();

        Assert.Empty(runs);
        Assert.Equal(["timeout", "success"], observer.Outcomes("glue", "GetJobRuns"));
    }

    [Fact]
    public async Task Requests_name_kafka_recon_as_user_agent_and_are_signed()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        string? userAgent = null;
        string? authorization = null;
        proxy.AnswerWithHeaders(h =>
        {
            userAgent = h.GetValueOrDefault("User-Agent");
            authorization = h.GetValueOrDefault("Authorization");
        });
        using var clients = moto.Clients(proxy.Endpoint);

        await clients.Batch.DescribeJobsAsync(["job"], CancellationToken.None);

        Assert.StartsWith("kafka-recon/", userAgent);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=testing/", authorization);
        Assert.Contains("/us-east-1/batch/aws4_request", authorization);
    }

    private sealed class RecordingObserver : IAwsCallObserver
    {
        private readonly ConcurrentQueue<(string Service, string Operation, string Outcome)> calls = new();

        public void Observe(string service, string operation, string outcome) => calls.Enqueue((service, operation, outcome));

        public string[] Outcomes(string service, string operation) =>
            calls.Where(c => c.Service == service && c.Operation == operation).Select(c => c.Outcome).ToArray();
    }
}
