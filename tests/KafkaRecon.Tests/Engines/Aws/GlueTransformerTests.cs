using System.Text.Json;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Aws;
using Microsoft.Extensions.Time.Testing;

namespace KafkaRecon.Tests.Engines.Aws;

[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class GlueTransformerTests(MotoServer moto) : IAsyncLifetime
{
    public Task InitializeAsync() => moto.SetManualTransitionAsync("glue::job_run", 1);

    public Task DisposeAsync() => moto.UnsetTransitionAsync("glue::job_run");

    [Fact]
    public async Task Restarted_transformer_finds_its_run_by_argument_and_never_starts_twice()
    {
        var job = await MotoGlueJob.CreateAsync(moto, maxConcurrentRuns: 5);
        var context = Context(job);
        using var before = moto.Clients();
        using var after = moto.Clients();

        var first = await new GlueTransformer(before.Glue).StartAsync(context, CancellationToken.None);
        var restarted = await new GlueTransformer(after.Glue).StartAsync(context, CancellationToken.None);
        var runs = await after.Glue.GetJobRunsAsync(job, CancellationToken.None).ToListAsync();

        Assert.Equal(ObservedState.Running, first.State);
        Assert.Equal(first.ExternalIds, restarted.ExternalIds);
        Assert.Equal(first.ExternalIds, [Assert.Single(runs).Id]);
    }

    [Fact]
    public async Task Lost_answer_of_a_start_is_found_by_key_before_every_retry_and_no_second_run_starts()
    {
        var job = await MotoGlueJob.CreateAsync(moto, maxConcurrentRuns: 5);
        var context = Context(job);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        // Attempt 1 fails before reaching Glue; attempt 2 starts the run but its answer is lost; attempt 3 must not start.
        proxy.InjectError("StartJobRun", times: 1, 500, "InternalServiceException");
        proxy.DropResponse("StartJobRun", times: 1);
        using var clients = moto.Clients(proxy.Endpoint);

        var started = await new GlueTransformer(clients.Glue).StartAsync(context, CancellationToken.None);
        var runs = await clients.Glue.GetJobRunsAsync(job, CancellationToken.None).ToListAsync();

        Assert.Equal(ObservedState.Running, started.State);
        Assert.Equal(started.ExternalIds, [Assert.Single(runs).Id]);
        Assert.Equal(2, proxy.Count("StartJobRun"));
        // One look-up before the first attempt (the transformer's), one before each of the two retries.
        Assert.Equal(4, proxy.Count("GetJobRuns"));
    }

    [Fact]
    public async Task Run_receives_the_fixed_window_locations_and_key_and_succeeds()
    {
        var job = await MotoGlueJob.CreateAsync(moto);
        var context = Context(job);
        context.Spec.Transform.Arguments["--conf"] = "spark.sql.shuffle.partitions=64";
        context.Spec.Transform.Arguments[GlueArguments.IdempotencyKey] = "user-value-is-overridden";
        using var clients = moto.Clients();
        var engine = new GlueTransformer(clients.Glue);

        var started = await engine.StartAsync(context, CancellationToken.None);
        var observations = new List<PhaseObservation>();
        for (var i = 0; i < 3; i++)
        {
            observations.Add(await engine.PollAsync(context with { ExternalIds = started.ExternalIds }, CancellationToken.None));
        }
        var arguments = (await clients.Glue.GetJobRunAsync(job, started.ExternalIds[0], CancellationToken.None)).Arguments!;

        Assert.Equal([ObservedState.Running, ObservedState.Succeeded, ObservedState.Succeeded], observations.Select(o => o.State));
        Assert.Equal("s3://manifests-bucket/output/runs/nightly-20261125/tables", observations[1].OutputLocation);
        Assert.Equal(context.IdempotencyKey, arguments[GlueArguments.IdempotencyKey]);
        // moto's run: 123 s on the job's 2 G.1X workers (1 DPU each).
        Assert.Equal(246, observations[1].Cost?.GlueDpuSeconds);
        Assert.Equal("1795564800000", arguments[GlueArguments.WindowStartMs]);
        Assert.False(arguments.ContainsKey("--window_end_ms"), "the script reads the end plus the margin only");
        Assert.Equal("1795651320000", arguments[GlueArguments.MarginEndMs]);
        Assert.Equal("s3://manifests-bucket/manifests/import", arguments[GlueArguments.ImportLocation]);
        Assert.Equal("s3://manifests-bucket/manifests/export", arguments[GlueArguments.ExportLocation]);
        Assert.Equal("nightly-20261125", arguments[GlueArguments.RunId]);
        Assert.Equal("spark.sql.shuffle.partitions=64", arguments["--conf"]);
    }

    [Fact]
    public async Task Concurrency_limit_waits_longer_instead_of_failing()
    {
        await moto.SetManualTransitionAsync("glue::job_run", 100);
        var job = await MotoGlueJob.CreateAsync(moto, maxConcurrentRuns: 1);
        using var clients = moto.Clients();
        var engine = new GlueTransformer(clients.Glue);
        await engine.StartAsync(Context(job), CancellationToken.None);

        // Another resource's run holds the only slot (one writing this run's folder is waited for differently).
        var blocked = await engine.StartAsync(Context(job) with { RunId = "other-20261125" }, CancellationToken.None);

        Assert.Equal(ObservedState.Running, blocked.State);
        Assert.Equal("GlueConcurrencyLimit", blocked.Reason);
        Assert.Equal(GlueTransformer.ConcurrencyLimitWait, blocked.PollAfter);
        Assert.Empty(blocked.ExternalIds);
    }

    [Fact]
    public async Task Failed_run_fails_the_phase_with_glue_error_message()
    {
        var job = await MotoGlueJob.CreateAsync(moto);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        // moto runs always succeed; the proxy answers GetJobRun as Glue does for a failed run.
        proxy.Answer(r => r.Operation == "GetJobRun", r =>
        {
            var runId = JsonDocument.Parse(r.Body).RootElement.GetProperty("RunId").GetString();
            return $$$"""{"JobRun": {"Id": "{{{runId}}}", "JobName": "{{{job}}}", "JobRunState": "FAILED", "ErrorMessage": "AnalysisException: Path does not exist"}}""";
        });
        using var clients = moto.Clients(proxy.Endpoint);
        var engine = new GlueTransformer(clients.Glue);
        var context = Context(job);
        var started = await engine.StartAsync(context, CancellationToken.None);

        var polled = await engine.PollAsync(context with { ExternalIds = started.ExternalIds }, CancellationToken.None);

        Assert.Equal(ObservedState.Failed, polled.State);
        Assert.Equal("GlueFailed", polled.Reason);
        Assert.Contains("AnalysisException: Path does not exist", polled.Message);
        Assert.Contains(started.ExternalIds[0], polled.Message);
    }

    [Fact]
    public async Task Run_is_started_with_the_transform_timeout_and_cancel_stops_it()
    {
        var job = await MotoGlueJob.CreateAsync(moto);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        // moto does not implement BatchStopJobRun; the proxy answers as Glue does and keeps the request.
        proxy.Answer(r => r.Operation == "BatchStopJobRun", _ => """{"SuccessfulSubmissions": [], "Errors": []}""");
        using var clients = moto.Clients(proxy.Endpoint);
        var engine = new GlueTransformer(clients.Glue);
        var context = Context(job);
        context.Spec.Timeouts.Transform = "1h30m";

        var started = await engine.StartAsync(context, CancellationToken.None);
        await engine.CancelAsync(context, CancellationToken.None);

        var start = JsonDocument.Parse(proxy.Requests.Single(r => r.Operation == "StartJobRun").Body).RootElement;
        var stop = JsonDocument.Parse(proxy.Requests.Single(r => r.Operation == "BatchStopJobRun").Body).RootElement;
        Assert.Equal(90, start.GetProperty("Timeout").GetInt32());
        Assert.Equal(job, stop.GetProperty("JobName").GetString());
        Assert.Equal(started.ExternalIds[0], stop.GetProperty("JobRunIds")[0].GetString());
    }

    [Fact]
    public async Task Run_folder_carries_the_input_fingerprint_and_a_restart_keeps_the_folder_its_run_was_given()
    {
        var job = await MotoGlueJob.CreateAsync(moto, maxConcurrentRuns: 5);
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        var store = new S3ObjectStore(clients.S3);
        var spec = AwsPhaseContexts.Spec(bucket);
        spec.Transform.GlueJobName = job;
        var context = AwsPhaseContexts.Create(spec, "transform");
        await WriteAsync(store, $"s3://{bucket}/manifests/import/db.c_0_0-9.txt", "1|1795564800001|db|c|s|k|1|t\n");
        await WriteAsync(store, $"s3://{bucket}/manifests/export/db.c-export.txt", "x|1795564800001|db|c|s|k|1|t\n");
        var time = new FakeTimeProvider(AwsPhaseContexts.Window.End.AddHours(2));

        var started = await new GlueTransformer(clients.Glue, store, time).StartAsync(context, CancellationToken.None);
        // A late export file arrives; the restarted operator finds the run by key and keeps its folder.
        await WriteAsync(store, $"s3://{bucket}/manifests/export/db.c-late.txt", "y|1795564800002|db|c|s|k|2|t\n");
        var restarted = await new GlueTransformer(clients.Glue, store, time).StartAsync(context, CancellationToken.None);
        var arguments = (await clients.Glue.GetJobRunAsync(job, started.ExternalIds[0], CancellationToken.None)).Arguments!;

        Assert.Matches("^nightly-20261125-f[0-9a-f]{10}$", started.RunId);
        Assert.Equal(started.RunId, arguments[GlueArguments.RunId]);
        Assert.Equal(started.Inputs!.Fingerprint, started.RunId![^10..]);
        Assert.True(await store.ExistsAsync($"s3://{bucket}/output/runs/{started.RunId}/inputs/import.list", CancellationToken.None));
        Assert.Equal(started.RunId, restarted.RunId);
        Assert.Equal(started.ExternalIds, restarted.ExternalIds);
    }

    [Fact]
    public async Task A_retry_attempt_starts_no_second_run_while_an_earlier_attempts_run_still_writes_the_same_folder()
    {
        await moto.SetManualTransitionAsync("glue::job_run", 100);
        var job = await MotoGlueJob.CreateAsync(moto, maxConcurrentRuns: 5);
        using var clients = moto.Clients();
        var engine = new GlueTransformer(clients.Glue);
        var first = Context(job);
        // Attempt 1 started its run but never learnt so (a lost answer, a timeout): the phase is retried under a new key.
        await engine.StartAsync(first, CancellationToken.None);
        var retry = first with { Attempt = 2, IdempotencyKey = first.IdempotencyKey + "-a2" };

        var waiting = await engine.StartAsync(retry, CancellationToken.None);
        var runs = await clients.Glue.GetJobRunsAsync(job, CancellationToken.None).ToListAsync();

        Assert.Equal(ObservedState.Running, waiting.State);
        Assert.Empty(waiting.ExternalIds);
        Assert.Contains(Assert.Single(runs).Id, waiting.Message);
    }

    private static Task WriteAsync(S3ObjectStore store, string location, string text) =>
        store.WriteAsync(location, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), CancellationToken.None);

    [Theory]
    [InlineData("TIMEOUT", "GlueTimeout")]
    [InlineData("STOPPED", "GlueStopped")]
    public void Terminal_failure_states_name_their_reason(string state, string reason)
    {
        var observation = GlueTransformer.Observe(new JobRun("jr_1", "etl", state, ErrorMessage: "x"), "s3://b/t");

        Assert.Equal(ObservedState.Failed, observation.State);
        Assert.Equal(reason, observation.Reason);
    }

    private static PhaseContext Context(string job)
    {
        var spec = AwsPhaseContexts.Spec("manifests-bucket");
        spec.Transform.GlueJobName = job;
        return AwsPhaseContexts.Create(spec, "transform");
    }
}
