using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines.Jobs;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Aws;
using KafkaRecon.Tests.EndToEnd;
using KafkaRecon.Tests.RealApiServer.EndToEnd;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.RealApiServer.Jobs;

/// <summary>
/// <c>spec.transform.runner: job</c> on the real API server with kube-controller-manager's Job controller: the
/// operator (a process) creates the transform's Job, the controller creates its pod, <see cref="JobPodPlayer"/> plays
/// the pod by running its command locally against moto's S3, and the operator drives the run on.
/// </summary>
[Collection(RealApiServerCollection.Name)]
[Trait("Category", "RealApiServer")]
[Trait("Category", "Slow")]
public sealed class JobRunnerTests(ControlPlane controlPlane, MotoServer moto) : IClassFixture<MotoServer>
{
    private const string JobServiceAccount = "recon-jobs";
    private const string OperatorServiceAccount = "kafka-recon";

    [RealApiServerFact]
    public async Task Transform_in_a_job_drives_the_run_to_the_embedded_totals_and_the_job_is_named_by_the_key()
    {
        await using var setup = await JobRunSetup.StartAsync(controlPlane, moto, "job-run");
        await using var player = new JobPodPlayer(controlPlane, setup.Run.Namespace);

        setup.StartOperator();
        await setup.CreateAsync();
        var done = await setup.Run.WaitAsync(r => r.Status?.Phase is ReconciliationPhase.Succeeded or ReconciliationPhase.Failed,
            $"the run ends\n{player.Describe()}");

        var transform = done.Status!.Phases.Transform!;
        Assert.True(transform.State == PhaseState.Succeeded, $"{transform.Reason}: {transform.Message}\n{player.Describe()}");
        Assert.Equal(ReconciliationPhase.Failed, done.Status.Phase); // the sample plants missing records
        setup.Run.AssertExactTotals(done);
        var jobs = await setup.JobsAsync();
        Assert.True(jobs.Count == 1, $"{jobs.Count} Jobs\n{setup.Run.Logs()}\n{player.Describe()}");
        var job = jobs[0];
        Assert.Equal(transform.IdempotencyKey, job.Metadata.Name);
        Assert.Equal([job.Metadata.Name], transform.ExternalIds);
        Assert.Contains(job.Status.Conditions, c => c.Type == "Complete" && c.Status == "True");
        Assert.Single(player.Played);
    }

    [RealApiServerFact]
    public async Task Operator_killed_after_creating_the_job_but_before_recording_it_finds_that_job_and_creates_no_second()
    {
        await using var setup = await JobRunSetup.StartAsync(controlPlane, moto, "job-restart");
        await using var player = new JobPodPlayer(controlPlane, setup.Run.Namespace) { Holding = true };
        var held = setup.Run.Proxy.HoldNext((method, path, body) =>
            method == "PUT" && path.EndsWith($"/{ProxiedRun.Name}/status", StringComparison.Ordinal) && TransformRunning(body));

        var first = setup.StartOperator();
        await setup.CreateAsync();
        await held.WaitAsync(ProxiedRun.Limit);
        var created = Assert.Single(await setup.JobsAsync());
        first.Kill();
        var second = setup.StartOperator();
        await Poll.UntilAsync(async () => (await second.ReadyzAsync())?.Status == 200, "the second operator is ready",
            ProxiedRun.Limit);
        player.Holding = false;
        var done = await setup.Run.WaitAsync(r => r.Status?.Phase is ReconciliationPhase.Succeeded or ReconciliationPhase.Failed,
            $"the run ends after the restart\n{player.Describe()}");

        Assert.Equal(PhaseState.Succeeded, done.Status!.Phases.Transform!.State);
        Assert.Equal(1, done.Status.Phases.Transform.Attempt);
        setup.Run.AssertExactTotals(done);
        Assert.Equal(created.Metadata.Uid, Assert.Single(await setup.JobsAsync()).Metadata.Uid);
        Assert.Single(player.Played);
    }

    [RealApiServerFact]
    public async Task Deleting_the_resource_while_its_job_runs_deletes_the_job_and_its_pod()
    {
        await using var setup = await JobRunSetup.StartAsync(controlPlane, moto, "job-delete");
        await using var player = new JobPodPlayer(controlPlane, setup.Run.Namespace) { Holding = true };

        setup.StartOperator();
        await setup.CreateAsync();
        await setup.Run.WaitAsync(r => r.Status?.Phases.Transform?.State == PhaseState.Running, "the transform runs in its Job");
        await Poll.UntilAsync(async () => (await setup.PodsAsync()).Count == 1, "the Job controller creates the pod", ProxiedRun.Limit);
        await setup.Run.Admin.CustomObjects.DeleteNamespacedCustomObjectAsync(KafkaReconciliation.Group,
            KafkaReconciliation.Version, setup.Run.Namespace, KafkaReconciliation.Plural, ProxiedRun.Name);

        await Poll.UntilAsync(async () => await setup.Run.TryReadAsync() is null, "the resource is gone", ProxiedRun.Limit);
        await Poll.UntilAsync(async () => (await setup.JobsAsync()).Count == 0, "the Job is deleted", ProxiedRun.Limit);
        await Poll.UntilAsync(async () => (await setup.PodsAsync()).Count == 0, "the Job's pod is deleted", ProxiedRun.Limit);
        Assert.Empty(player.Played);
    }

    [RealApiServerFact]
    public async Task Spec_change_while_the_job_runs_deletes_that_job_and_the_new_run_gets_its_own()
    {
        await using var setup = await JobRunSetup.StartAsync(controlPlane, moto, "job-respec");
        await using var player = new JobPodPlayer(controlPlane, setup.Run.Namespace) { Holding = true };

        setup.StartOperator();
        await setup.CreateAsync();
        var running = await setup.Run.WaitAsync(r => r.Status?.Phases.Transform?.State == PhaseState.Running, "the transform runs in its Job");
        var first = running.Status!.Phases.Transform!.IdempotencyKey!;
        // Thresholds that tolerate every gap the sample plants: only a run under the new spec can succeed.
        await setup.Run.PatchAsync("""
            {"spec": {"verification": {"maxMissingExports": 1000000, "maxMissingImports": 1000000,
              "maxMismatchedTimestamps": 1000000, "failOnMissingCollections": false, "failOnMissingDatabases": false}}}
            """);
        await Poll.UntilAsync(async () => (await setup.JobsAsync()).Select(j => j.Metadata.Name).SingleOrDefault() is { } name && name != first,
            "the first run's Job is deleted and the new run's Job created", ProxiedRun.Limit);
        player.Holding = false;
        var done = await setup.Run.WaitAsync(r => r.Status?.ObservedGeneration == 2 && r.IsFinished(),
            $"the restarted run finishes\n{player.Describe()}");

        Assert.True(done.Status!.Phase == ReconciliationPhase.Succeeded, KubernetesJson.Serialize(done.Status));
        setup.Run.AssertExactTotals(done);
        Assert.Equal(done.Status.Phases.Transform!.IdempotencyKey, Assert.Single(await setup.JobsAsync()).Metadata.Name);
    }

    [RealApiServerFact]
    public async Task A_job_deleted_by_someone_fails_that_attempt_and_the_next_attempt_runs_in_a_new_job()
    {
        await using var setup = await JobRunSetup.StartAsync(controlPlane, moto, "job-vanish");
        await using var player = new JobPodPlayer(controlPlane, setup.Run.Namespace) { Holding = true };

        setup.StartOperator();
        await setup.CreateAsync();
        var running = await setup.Run.WaitAsync(r => r.Status?.Phases.Transform?.State == PhaseState.Running, "the transform runs in its Job");
        var first = running.Status!.Phases.Transform!.IdempotencyKey!;
        await setup.Run.Admin.BatchV1.DeleteNamespacedJobAsync(first, setup.Run.Namespace,
            new V1DeleteOptions { PropagationPolicy = "Background" });
        await setup.Run.WaitAsync(r => r.Status?.Phases.Transform?.Attempt == 2, "the transform is attempted again");
        player.Holding = false;
        var done = await setup.Run.WaitAsync(r => r.IsFinished(), $"the run ends\n{player.Describe()}");

        var transform = done.Status!.Phases.Transform!;
        Assert.Equal(PhaseState.Succeeded, transform.State);
        Assert.Equal(2, transform.Attempt);
        Assert.NotEqual(first, transform.IdempotencyKey);
        setup.Run.AssertExactTotals(done);
        Assert.Equal(transform.IdempotencyKey, Assert.Single(await setup.JobsAsync()).Metadata.Name);
        var events = await setup.Run.Admin.CoreV1.ListNamespacedEventAsync(setup.Run.Namespace);
        Assert.Contains(events.Items, e => e.Reason == "TransformFailed"
                                           && e.Message.Contains($"Job {setup.Run.Namespace}/{first} no longer exists", StringComparison.Ordinal));
    }

    [RealApiServerFact]
    public async Task A_vanished_job_never_takes_tables_an_earlier_run_published_under_the_same_run_id_for_its_own()
    {
        // A deleted and re-created resource has the same run id; its earlier tables (another fingerprint) are complete
        // under it. The Job's own run would have gone to a run id with its fingerprint, so those tables are not its.
        await using var setup = await JobRunSetup.StartAsync(controlPlane, moto, "job-stale");
        await using var player = new JobPodPlayer(controlPlane, setup.Run.Namespace) { Holding = true };

        setup.StartOperator();
        await setup.CreateAsync();
        var running = await setup.Run.WaitAsync(r => r.Status?.Phases.Transform?.State == PhaseState.Running, "the transform runs in its Job");
        await setup.PublishTablesAsync(running.Status!.RunId!, "an-earlier-fingerprint");
        var first = running.Status.Phases.Transform!.IdempotencyKey!;
        await setup.Run.Admin.BatchV1.DeleteNamespacedJobAsync(first, setup.Run.Namespace,
            new V1DeleteOptions { PropagationPolicy = "Background" });
        var next = await setup.Run.WaitAsync(
            r => r.Status?.Phases.Transform is { } t && (t.Attempt == 2 || t.State == PhaseState.Succeeded),
            "the vanished Job's attempt ends");

        var transform = next.Status!.Phases.Transform!;
        Assert.True(transform.Attempt == 2, $"{transform.State} at attempt {transform.Attempt}: {transform.Message}");
    }

    [RealApiServerFact]
    public async Task A_pod_killed_for_memory_fails_the_phase_with_the_reason_and_the_field_to_raise()
    {
        await using var setup = await JobRunSetup.StartAsync(controlPlane, moto, "job-oom");
        await using var player = new JobPodPlayer(controlPlane, setup.Run.Namespace) { Ending = _ => (137, "OOMKilled", null) };

        setup.StartOperator();
        await setup.CreateAsync(resource =>
        {
            resource.Spec.Retries.Transform = 0;
            resource.Spec.Transform.MemoryLimit = "512MiB";
        });
        var done = await setup.Run.WaitAsync(r => r.Status?.Phase == ReconciliationPhase.Failed, "the run fails");

        var transform = done.Status!.Phases.Transform!;
        Assert.Equal(PhaseState.Failed, transform.State);
        Assert.Equal(nameof(PhaseFailure.TransformFailed), transform.Reason);
        Assert.Contains("OOMKilled", transform.Message, StringComparison.Ordinal);
        Assert.Contains("spec.transform.memoryLimit", transform.Message, StringComparison.Ordinal);
        var job = Assert.Single(await setup.JobsAsync());
        Assert.Equal("536870912", job.Spec.Template.Spec.Containers[0].Resources.Limits["memory"].ToString());
    }

    [RealApiServerFact]
    public async Task A_pod_without_storage_configuration_fails_the_phase_in_its_own_words_without_a_retry()
    {
        await using var setup = await JobRunSetup.StartAsync(controlPlane, moto, "job-noaws");
        await using var player = new JobPodPlayer(controlPlane, setup.Run.Namespace);

        setup.StartOperator(jobRegion: "");
        await setup.CreateAsync();
        var done = await setup.Run.WaitAsync(r => r.Status?.Phase == ReconciliationPhase.Failed, $"the run fails\n{player.Describe()}");

        var transform = done.Status!.Phases.Transform!;
        Assert.Equal(PhaseState.Failed, transform.State);
        Assert.Equal(nameof(PhaseFailure.EngineNotConfigured), transform.Reason);
        Assert.Contains("AWS_REGION", transform.Message, StringComparison.Ordinal);
        Assert.Contains($"Job {setup.Run.Namespace}/{transform.IdempotencyKey}", transform.Message, StringComparison.Ordinal);
        Assert.Equal(1, transform.Attempt);
        Assert.Single(player.Played);
    }

    private static bool TransformRunning(string body) =>
        JsonNode.Parse(body)?["status"]?["phases"]?["transform"]?["state"]?.GetValue<string>() == nameof(PhaseState.Running);

    /// <summary>A <see cref="ProxiedRun"/> whose sample lives in a moto bucket, reconciled with runner: job.</summary>
    private sealed class JobRunSetup : IAsyncDisposable
    {
        private readonly MotoServer _moto;
        private readonly AwsClients _clients;
        private readonly string _bucket;

        private JobRunSetup(ProxiedRun run, MotoServer moto, AwsClients clients, string bucket)
        {
            Run = run;
            _moto = moto;
            _clients = clients;
            _bucket = bucket;
        }

        public ProxiedRun Run { get; }

        public static async Task<JobRunSetup> StartAsync(ControlPlane controlPlane, MotoServer moto, string prefix)
        {
            await controlPlane.EnsureControllerManagerAsync();
            // The operator runs with exactly the chart's rules (a missing verb fails the test), and the Job's pod
            // must pass the restricted Pod Security profile.
            var run = await ProxiedRun.StartAsync(controlPlane, prefix, async namespaceName =>
            {
                var token = await controlPlane.ServiceAccountTokenAsync(namespaceName, OperatorServiceAccount);
                using var admin = controlPlane.AdminClient();
                await ChartRbac.BindAsync(admin, namespaceName, OperatorServiceAccount, "operator-rules.yaml", "job-runner-rules.yaml");
                return token;
            }, new Dictionary<string, string> { ["pod-security.kubernetes.io/enforce"] = "restricted" });
            await controlPlane.ServiceAccountTokenAsync(run.Namespace, JobServiceAccount); // creates the account
            var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
            var local = KubernetesYaml.Deserialize<KafkaReconciliation>(run.Dataset.ResourceYaml(ProxiedRun.Name)).Spec;
            var staging = new S3Staging(new S3ObjectStore(clients.S3), new LocalObjectStore());
            await staging.UploadAsync(local.Manifests.ImportLocation, $"s3://{bucket}/import", CancellationToken.None);
            await staging.UploadAsync(local.Manifests.ExportLocation, $"s3://{bucket}/export", CancellationToken.None);
            return new JobRunSetup(run, moto, clients, bucket);
        }

        /// <param name="jobRegion">AWS_REGION of the Jobs' pods (the operator's own is moto's).</param>
        public OperatorProcess StartOperator(string jobRegion = MotoServer.Region)
        {
            var credentials = new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = "testing", ["AWS_SECRET_ACCESS_KEY"] = "testing", ["AWS_REGION"] = MotoServer.Region,
            };
            var jobEnvironment = credentials.Select(pair => new V1EnvVar
            {
                Name = pair.Key, Value = pair.Key == "AWS_REGION" ? jobRegion : pair.Value,
            }).ToList();
            return Run.StartOperator(
            [
                "--aws-endpoint", _moto.Endpoint.ToString(),
                "--job-image", "kafka-recon:test", "--job-namespace", Run.Namespace,
                "--job-service-account", JobServiceAccount, "--job-poll-interval", "300ms",
                "--job-env", KubernetesJson.Serialize(jobEnvironment),
            ], credentials);
        }

        public Task CreateAsync(Action<KafkaReconciliation>? change = null) => Run.CreateAsync(resource =>
        {
            resource.Spec.Manifests.ImportLocation = $"s3://{_bucket}/import";
            resource.Spec.Manifests.ExportLocation = $"s3://{_bucket}/export";
            resource.Spec.Output.Location = $"s3://{_bucket}/out";
            resource.Spec.Transform.Runner = TransformRunner.Job;
            change?.Invoke(resource);
        });

        /// <summary>A complete set of tables (its marker) under the run id, as an earlier run with another fingerprint left it.</summary>
        public async Task PublishTablesAsync(string runId, string fingerprint)
        {
            using var marker = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(fingerprint), writable: false);
            await new S3ObjectStore(_clients.S3).WriteAsync(
                $"s3://{_bucket}/out/runs/{runId}/tables/_SUCCESS", marker, CancellationToken.None);
        }

        public async Task<IList<V1Job>> JobsAsync() =>
            (await Run.Admin.BatchV1.ListNamespacedJobAsync(Run.Namespace)).Items;

        public async Task<IList<V1Pod>> PodsAsync() =>
            (await Run.Admin.CoreV1.ListNamespacedPodAsync(Run.Namespace, labelSelector: PhaseJobManifest.JobLabel)).Items;

        public async ValueTask DisposeAsync()
        {
            await Run.DisposeAsync();
            _clients.Dispose();
        }
    }
}
