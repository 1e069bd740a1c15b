using System.Text;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Terraform;

namespace KafkaRecon.Tests.Aws;

/// <summary>
/// Each AWS client method, called against moto through the recording proxy, makes exactly the calls
/// <see cref="RoleActions.ByClientMethod"/> lists for it (read from X-Amz-Target, the REST path or the S3 request),
/// so the IAM test's list of needed actions is the code's, not a guess.
/// </summary>
[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class ClientActionsTests(MotoServer moto)
{
    private static readonly string Token = new('t', 40);

    [Fact]
    public async Task Glue_and_athena_client_methods_call_exactly_their_listed_actions()
    {
        await moto.ResetAsync();
        var job = await MotoGlueJob.CreateAsync(moto, maxConcurrentRuns: 5);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var clients = moto.Clients(proxy.Endpoint);
        var glue = clients.Glue;
        var athena = clients.Athena;
        var recorder = new Recorder(proxy);
        // A failed first attempt makes the start look for a run before it retries.
        proxy.InjectError("StartJobRun", times: 1, 500, "InternalServiceException");
        // moto does not implement BatchStopJobRun; the proxy answers it (the request is still recorded).
        proxy.Answer(r => r.Operation == "BatchStopJobRun", _ => """{"SuccessfulSubmissions": [], "Errors": []}""");
        var arguments = new Dictionary<string, string> { ["--kafka_recon_run"] = "key" };

        var runId = await recorder.CallAsync(nameof(GlueClient), nameof(GlueClient.StartJobRunAsync),
            () => glue.StartJobRunAsync(new StartJobRunRequest(job, arguments), CancellationToken.None, "--kafka_recon_run"));
        await recorder.CallAsync(nameof(GlueClient), nameof(GlueClient.GetJobRunAsync),
            () => glue.GetJobRunAsync(job, runId, CancellationToken.None));
        await recorder.CallAsync(nameof(GlueClient), nameof(GlueClient.GetJobRunsAsync),
            () => glue.GetJobRunsAsync(job, CancellationToken.None).ToListAsync().AsTask());
        await recorder.CallAsync(nameof(GlueClient), nameof(GlueClient.FindRunAsync),
            () => glue.FindRunAsync(job, "--kafka_recon_run", "key", CancellationToken.None));
        await recorder.CallAsync(nameof(GlueClient), nameof(GlueClient.BatchStopJobRunAsync),
            () => glue.BatchStopJobRunAsync(job, [runId], CancellationToken.None));
        await recorder.CallAsync(nameof(GlueClient), nameof(GlueClient.DeleteTableAsync),
            () => glue.DeleteTableAsync("no_such_database", "no_such_table", CancellationToken.None));
        await MotoAthena.InjectResultsAsync(moto, ["n"], [["1"]]);
        var queryId = await recorder.CallAsync(nameof(AthenaClient), nameof(AthenaClient.StartQueryExecutionAsync),
            () => athena.StartQueryExecutionAsync(new StartQueryExecutionRequest("SELECT 1", Token), CancellationToken.None));
        await recorder.CallAsync(nameof(AthenaClient), nameof(AthenaClient.GetQueryExecutionAsync),
            () => MotoAthena.WaitForTerminalStateAsync(athena, queryId));
        await recorder.CallAsync(nameof(AthenaClient), nameof(AthenaClient.GetAllQueryResultsAsync),
            () => athena.GetAllQueryResultsAsync(queryId, CancellationToken.None));
        await recorder.CallAsync(nameof(AthenaClient), nameof(AthenaClient.StopQueryExecutionAsync),
            () => athena.StopQueryExecutionAsync(queryId, CancellationToken.None).ContinueWith(_ => 0));

        recorder.AssertEachCalledExactlyItsActions();
    }

    [Fact]
    public async Task Batch_client_methods_call_exactly_their_listed_actions()
    {
        var environment = await MotoBatchEnvironment.CreateAsync(moto);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var clients = moto.Clients(proxy.Endpoint);
        var batch = clients.Batch;
        var recorder = new Recorder(proxy);
        proxy.InjectError("submitjob", times: 1, 500, "ServerException");

        var submitted = await recorder.CallAsync(nameof(BatchClient), nameof(BatchClient.SubmitJobAsync),
            () => batch.SubmitJobAsync(
                new SubmitJobRequest("actions", environment.JobQueue, environment.JobDefinition), CancellationToken.None));
        await recorder.CallAsync(nameof(BatchClient), nameof(BatchClient.DescribeJobsAsync),
            () => batch.DescribeJobsAsync([submitted.JobId], CancellationToken.None));
        await recorder.CallAsync(nameof(BatchClient), nameof(BatchClient.ListJobsAsync),
            () => batch.ListJobsAsync(new ListJobsRequest(environment.JobQueue), CancellationToken.None).ToListAsync().AsTask());
        await recorder.CallAsync(nameof(BatchClient), nameof(BatchClient.FindJobsByNameAsync),
            () => batch.FindJobsByNameAsync(environment.JobQueue, "actions", CancellationToken.None).ToListAsync().AsTask());
        await recorder.CallAsync(nameof(BatchClient), nameof(BatchClient.TerminateJobAsync),
            () => batch.TerminateJobAsync(submitted.JobId, "test", CancellationToken.None).ContinueWith(_ => 0));

        recorder.AssertEachCalledExactlyItsActions();
    }

    [Fact]
    public async Task S3_object_store_methods_call_exactly_their_listed_actions()
    {
        var (setup, bucket) = await MotoS3.CreateBucketAsync(moto);
        setup.Dispose();
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var clients = moto.Clients(proxy.Endpoint);
        var store = new S3ObjectStore(clients.S3);
        var recorder = new Recorder(proxy, onlyOnFailure: ["s3:AbortMultipartUpload"]);
        var location = $"s3://{bucket}/runs/a.json";

        await recorder.CallAsync(nameof(S3ObjectStore), nameof(S3ObjectStore.WriteAsync),
            () => store.WriteAsync(location, new MemoryStream(Encoding.UTF8.GetBytes("{}")), CancellationToken.None).ContinueWith(t => t.Exception is null));
        await recorder.CallAsync(nameof(S3ObjectStore), nameof(S3ObjectStore.ListAsync),
            () => store.ListAsync($"s3://{bucket}/runs", CancellationToken.None).ToListAsync().AsTask());
        await recorder.CallAsync(nameof(S3ObjectStore), nameof(S3ObjectStore.ExistsAsync),
            () => store.ExistsAsync(location, CancellationToken.None));
        await recorder.CallAsync(nameof(S3ObjectStore), nameof(S3ObjectStore.OpenReadAsync), async () =>
        {
            await using var stream = await store.OpenReadAsync(location, CancellationToken.None);
            return await new StreamReader(stream).ReadToEndAsync();
        });
        await recorder.CallAsync(nameof(S3ObjectStore), nameof(S3ObjectStore.DeleteAsync),
            () => store.DeleteAsync([location], CancellationToken.None).ContinueWith(_ => 0));

        recorder.AssertEachCalledExactlyItsActions();
    }

    /// <summary>The IAM action a request needs.</summary>
    internal static string ActionOf(ProxiedRequest request)
    {
        if (request.Target is { } target)
        {
            var service = target[..target.IndexOf('.')] switch { "AmazonAthena" => "athena", "AWSGlue" => "glue", var p => p };
            return $"{service}:{request.Operation}";
        }
        if (request.Path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            var known = RoleActions.ByClientMethod.Values.SelectMany(a => a)
                .FirstOrDefault(a => a.Equals($"batch:{request.Operation}", StringComparison.OrdinalIgnoreCase));
            return known ?? $"batch:{request.Operation}";
        }
        return request switch
        {
            { Query: var q } when q.Contains("list-type=2", StringComparison.Ordinal) => "s3:ListBucket",
            { Method: "GET" or "HEAD" } => "s3:GetObject",
            { Method: "POST", Query: var q } when q.Contains("delete", StringComparison.Ordinal) => "s3:DeleteObject",
            { Method: "DELETE", Query: var q } when q.Contains("uploadId", StringComparison.Ordinal) => "s3:AbortMultipartUpload",
            { Method: "DELETE" } => "s3:DeleteObject",
            _ => "s3:PutObject",
        };
    }

    private sealed class Recorder(FaultProxy proxy, IReadOnlyList<string>? onlyOnFailure = null)
    {
        private readonly List<(string Method, string[] Actions)> calls = [];

        public async Task<T> CallAsync<T>(string type, string method, Func<Task<T>> call)
        {
            var before = proxy.Requests.Count;
            var result = await call();
            calls.Add(($"{type}.{method}", proxy.Requests.Skip(before).Select(ActionOf).Distinct().Order().ToArray()));
            return result;
        }

        public void AssertEachCalledExactlyItsActions()
        {
            foreach (var (method, actions) in calls)
            {
                var listed = RoleActions.ByClientMethod[method].Except(onlyOnFailure ?? []).Order().ToArray();
                Assert.True(listed.SequenceEqual(actions),
                    $"{method} called [{string.Join(", ", actions)}], RoleActions lists [{string.Join(", ", listed)}]");
            }
        }
    }
}
