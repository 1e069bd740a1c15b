using System.Text.Json;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Tests.Aws;

namespace KafkaRecon.Tests.Engines.Aws;

[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class BatchCoalescerTests(MotoServer moto)
{
    [Fact]
    public async Task Restarted_coalescer_finds_its_jobs_by_name_and_never_submits_twice()
    {
        var environment = await MotoBatchEnvironment.CreateAsync(moto);
        var context = Context(environment, partitions: [3, 1]);
        using var before = moto.Clients();
        using var after = moto.Clients();

        var first = await new BatchCoalescer(before.Batch).StartAsync(context, CancellationToken.None);
        var restarted = await new BatchCoalescer(after.Batch).StartAsync(context, CancellationToken.None);
        var inQueue = await after.Batch.ListJobsAsync(
            new ListJobsRequest(environment.JobQueue, Filters: [new KeyValuesPair("JOB_NAME", ["kr-*"])]),
            CancellationToken.None).ToListAsync();

        Assert.Equal(ObservedState.Running, first.State);
        Assert.Equal(3, first.ExternalIds.Count);
        Assert.Equal(first.ExternalIds, restarted.ExternalIds);
        Assert.Equal(3, inQueue.Count);
        Assert.Equal(first.ExternalIds.Order(), inQueue.Select(j => j.JobId).Order());
    }

    [Fact]
    public async Task Import_jobs_run_per_partition_export_runs_once_for_all_and_the_phase_succeeds()
    {
        var environment = await MotoBatchEnvironment.CreateAsync(moto);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var clients = moto.Clients(proxy.Endpoint);
        var engine = new BatchCoalescer(clients.Batch);
        var context = Context(environment, partitions: [7]);

        var started = await engine.StartAsync(context, CancellationToken.None);
        var polled = await engine.PollAsync(context with { ExternalIds = started.ExternalIds }, CancellationToken.None);

        Assert.Equal(ObservedState.Succeeded, polled.State);
        Assert.Equal(["SUCCEEDED", "SUCCEEDED"], polled.Jobs.Select(j => j.State));
        Assert.True(polled.Cost?.BatchVcpuSeconds >= 0, "a finished coalesce reports its vCPU-seconds");
        Assert.Equal(
            [AwsNames.BatchJobName(context.IdempotencyKey, "import", 7), AwsNames.BatchJobName(context.IdempotencyKey, "export", null)],
            polled.Jobs.Select(j => j.Name));
        var commands = proxy.Requests.Where(r => r.Operation == "submitjob")
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("containerOverrides").GetProperty("command")
                .EnumerateArray().Select(e => e.GetString() ?? "").ToArray())
            .ToList();
        Assert.Equal(
            ["kafka-recon", "coalesce", "--location", context.Spec.Manifests.ImportLocation, "--partition", "7",
             "--max-files", "1000000", "--max-bytes", "128000000", "--min-file-age", "2m",
             // The window's start less its 2-minute margin and the default 1h pruning slack: history is never merged.
             "--modified-since", "2026-11-24T22:58:00Z", "--layout", "flat"],
            commands[0]);
        // HTME export names carry no partition: a partition filter would leave every export manifest uncoalesced.
        Assert.Equal(context.Spec.Manifests.ExportLocation, commands[1][3]);
        Assert.DoesNotContain("--partition", commands[1]);
    }

    [Fact]
    public async Task Submitted_jobs_carry_no_tags_so_submitting_needs_no_tag_permission()
    {
        var environment = await MotoBatchEnvironment.CreateAsync(moto);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var clients = moto.Clients(proxy.Endpoint);

        await new BatchCoalescer(clients.Batch).StartAsync(Context(environment, partitions: []), CancellationToken.None);

        var submits = proxy.Requests.Where(r => r.Operation == "submitjob").ToList();
        Assert.Equal(2, submits.Count);
        // AWS Batch authorizes tag-on-create separately (batch:TagResource); the operator role does not hold it.
        Assert.All(submits, r => Assert.False(JsonDocument.Parse(r.Body).RootElement.TryGetProperty("tags", out _), r.Body));
    }

    [Fact]
    public async Task Lost_answer_of_a_submit_is_found_by_name_on_retry_and_no_second_job_is_submitted()
    {
        var environment = await MotoBatchEnvironment.CreateAsync(moto);
        var context = Context(environment, partitions: []);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.DropResponse("submitjob", times: 1);
        using var clients = moto.Clients(proxy.Endpoint);

        var started = await new BatchCoalescer(clients.Batch).StartAsync(context, CancellationToken.None);
        var inQueue = await clients.Batch.ListJobsAsync(
            new ListJobsRequest(environment.JobQueue, Filters: [new KeyValuesPair("JOB_NAME", ["kr-*"])]),
            CancellationToken.None).ToListAsync();

        Assert.Equal(ObservedState.Running, started.State);
        Assert.Equal(2, proxy.Count("submitjob"));
        Assert.Equal(
            CoalescerJobPlan.For(context).Select(j => j.Name).Order(),
            inQueue.Select(j => j.JobName).Order());
        Assert.Equal(started.ExternalIds.Order(), inQueue.Select(j => j.JobId).Order());
    }

    [Fact]
    public async Task Poll_without_recorded_ids_finds_the_jobs_instead_of_submitting_again()
    {
        var environment = await MotoBatchEnvironment.CreateAsync(moto);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var clients = moto.Clients(proxy.Endpoint);
        var context = Context(environment, partitions: []);
        await new BatchCoalescer(clients.Batch).StartAsync(context, CancellationToken.None);

        var polled = await new BatchCoalescer(clients.Batch).PollAsync(context, CancellationToken.None);

        Assert.Equal(2, polled.ExternalIds.Count);
        Assert.Equal(2, proxy.Count("submitjob"));
    }

    [Fact]
    public async Task Cancel_terminates_jobs_still_running_and_leaves_finished_ones()
    {
        var environment = await MotoBatchEnvironment.CreateAsync(moto);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var clients = moto.Clients(proxy.Endpoint);
        var engine = new BatchCoalescer(clients.Batch);
        var context = Context(environment, partitions: []);
        var started = await engine.StartAsync(context, CancellationToken.None);
        // moto's simple Batch finishes jobs at once; the proxy reports the import job as still running.
        proxy.Answer(r => r.Operation == "describejobs", _ => $$$"""
            {"jobs": [{"jobId": "{{{started.ExternalIds[0]}}}", "jobName": "a", "status": "RUNNING"},
                      {"jobId": "{{{started.ExternalIds[1]}}}", "jobName": "b", "status": "SUCCEEDED"}]}
            """);

        await engine.CancelAsync(context with { ExternalIds = [] }, CancellationToken.None);

        var terminated = proxy.Requests.Where(r => r.Operation == "terminatejob")
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("jobId").GetString()).ToList();
        Assert.Equal([started.ExternalIds[0]], terminated);
    }

    [Fact]
    public void Job_names_stay_within_batch_rules_for_long_keys_and_differ_by_key()
    {
        var longKey = "namespace/" + new string('n', 200) + "/uid/coalesce/1";

        var name = AwsNames.BatchJobName(longKey, "import", 12);
        var other = AwsNames.BatchJobName(longKey.Replace("/1", "/2"), "import", 12);

        Assert.True(name.Length <= 128);
        Assert.Matches("^[A-Za-z0-9][A-Za-z0-9_-]*$", name);
        Assert.EndsWith("-import-p12", name);
        Assert.NotEqual(name, other);
    }

    [Fact]
    public void Failed_job_message_carries_its_status_reason_and_running_jobs_keep_the_phase_running()
    {
        string[] ids = ["a", "b", "c"];
        var failedWhileOthersRun = BatchCoalescer.Observe(ids,
        [
            new BatchJobDetail("a", "kr-x-import-all", "FAILED", "Essential container in task exited"),
            new BatchJobDetail("b", "kr-x-export-all", "RUNNING"),
            new BatchJobDetail("c", "kr-x-export-p1", "SUCCEEDED"),
        ]);
        var allDone = BatchCoalescer.Observe(ids,
        [
            new BatchJobDetail("a", "kr-x-import-all", "FAILED", "Essential container in task exited"),
            new BatchJobDetail("b", "kr-x-export-all", "SUCCEEDED"),
            new BatchJobDetail("c", "kr-x-export-p1", "SUCCEEDED"),
        ]);

        Assert.Equal(ObservedState.Running, failedWhileOthersRun.State);
        Assert.Equal(BatchCoalescer.PollInterval, failedWhileOthersRun.PollAfter);
        Assert.Equal(ObservedState.Failed, allDone.State);
        Assert.Equal("Batch job kr-x-import-all (a) failed: Essential container in task exited", allDone.Message);
    }

    [Fact]
    public void Job_unknown_to_batch_fails_the_phase()
    {
        var observation = BatchCoalescer.Observe(["a", "gone"], [new BatchJobDetail("a", "kr-x-import-all", "SUCCEEDED")]);

        Assert.Equal("BatchJobNotFound", observation.Reason);
        Assert.Contains("gone", observation.Message);
    }

    internal static PhaseContext Context(MotoBatchEnvironment environment, int[] partitions)
    {
        var spec = AwsPhaseContexts.Spec("manifests-bucket");
        spec.Coalesce.JobQueue = environment.JobQueue;
        spec.Coalesce.JobDefinition = environment.JobDefinition;
        spec.Coalesce.Partitions = partitions.ToList();
        return AwsPhaseContexts.Create(spec, "coalesce");
    }
}

[Collection(FailingBatchMotoCollection.Name)]
[Trait("Category", "Slow")]
public sealed class FailingBatchCoalescerTests(FailingBatchMotoServer moto)
{
    [Fact]
    public async Task Failed_batch_job_fails_the_phase_with_its_status_reason()
    {
        var environment = await MotoBatchEnvironment.CreateAsync(moto);
        using var clients = moto.Clients();
        var engine = new BatchCoalescer(clients.Batch);
        var context = BatchCoalescerTests.Context(environment, partitions: []);

        var started = await engine.StartAsync(context, CancellationToken.None);
        var polled = await engine.PollAsync(context with { ExternalIds = started.ExternalIds }, CancellationToken.None);

        Assert.Equal(ObservedState.Failed, polled.State);
        Assert.Equal("BatchJobFailed", polled.Reason);
        Assert.Contains(AwsNames.BatchJobName(context.IdempotencyKey, "import", null), polled.Message);
        Assert.Contains(AwsNames.BatchJobName(context.IdempotencyKey, "export", null), polled.Message);
        Assert.All(polled.Jobs, j => Assert.Equal("FAILED", j.State));
        Assert.Equal(started.ExternalIds, polled.ExternalIds);
    }
}
