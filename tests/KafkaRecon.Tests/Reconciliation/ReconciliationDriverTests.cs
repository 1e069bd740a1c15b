using KafkaRecon.Entities;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Notifications;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Retention;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KafkaRecon.Tests.Reconciliation;

public sealed class ReconciliationDriverTests
{
    private readonly FakeTimeProvider _time = new(PlannerScenario.Now);
    private readonly InMemoryStatusSink _statusSink = new();
    private readonly RecordingEvents _events = new();
    private readonly ScriptedEngine _coalescer = new();
    private readonly ScriptedEngine _transformer = new();
    private readonly ScriptedEngine _queryRunner = new();
    private readonly FixedSummary _summaries = new(new RunTotals { Imported = 4, Exported = 4 });

    [Fact]
    public async Task Embedded_style_engines_finish_the_whole_run_in_one_pass()
    {
        var resource = Resource();
        var outcome = await Driver().ReconcileAsync(resource, CancellationToken.None);

        Assert.Equal(ReconcileOutcome.Done, outcome);
        Assert.Equal(ReconciliationPhase.Succeeded, resource.Status!.Phase);
        Assert.Equal(4, resource.Status.Results!.Imported);
        Assert.Equal(["start"], _coalescer.Calls.Select(c => c.Call));
        Assert.Equal("/out/results/nightly-20261125_summary.json", _summaries.ReadLocations.Single());
        Assert.Contains(_events.Reasons, r => r == "RunSucceeded");
    }

    [Fact]
    public async Task A_driver_that_yields_on_first_answer_persists_a_new_resources_status_before_starting_any_work()
    {
        var resource = Resource();
        var driver = Driver(firstAnswer: FirstAnswer.Yield);

        var first = await driver.ReconcileAsync(resource, CancellationToken.None);

        Assert.Equal(ReconcileOutcome.Immediately, first);
        Assert.NotNull(resource.Status);
        Assert.Empty(_coalescer.Calls);
        Assert.Empty(_transformer.Calls);

        var second = await driver.ReconcileAsync(resource, CancellationToken.None);

        Assert.Equal(ReconcileOutcome.Done, second);
        Assert.Equal(ReconciliationPhase.Succeeded, resource.Status!.Phase);
        Assert.Equal(["start"], _coalescer.Calls.Select(c => c.Call));
        Assert.Single(_events.Reasons, r => r == "RunStarted");
    }

    [Fact]
    public async Task A_resource_found_deleted_when_its_status_is_written_gets_no_further_phase_started()
    {
        var resource = Resource();
        resource.Metadata.DeletionTimestamp = PlannerScenario.Now.UtcDateTime;

        var outcome = await Driver().ReconcileAsync(resource, CancellationToken.None);

        Assert.Equal(ReconcileOutcome.Immediately, outcome);
        Assert.Empty(_coalescer.Calls);
    }

    [Fact]
    public async Task A_spec_change_found_when_the_status_is_written_is_planned_for_before_any_phase_starts()
    {
        var resource = Resource();

        await Driver(statusSink: new SuspendedUnderTheWrite(_statusSink)).ReconcileAsync(resource, CancellationToken.None);

        Assert.DoesNotContain("start", _coalescer.Calls.Select(c => c.Call));
        Assert.Contains(resource.Status!.Conditions, c => c.Type == ConditionTypes.Reconciling && c.Reason == ConditionReasons.Suspended);
        Assert.Equal(2, resource.Status.ObservedGeneration);
    }

    [Fact]
    public async Task After_verify_old_runs_are_deleted_and_announced_and_the_verdict_stands()
    {
        var output = Directory.CreateTempSubdirectory("driver-retention-").FullName;
        try
        {
            var old = Path.Combine(output, "runs", "nightly-20240101", "tables", "_SUCCESS");
            Directory.CreateDirectory(Path.GetDirectoryName(old)!);
            File.WriteAllText(old, "");
            File.SetLastWriteTimeUtc(old, PlannerScenario.Now.UtcDateTime.AddDays(-40));
            var resource = Resource();
            resource.Spec.Output.Location = output;
            resource.Spec.Retention.KeepRuns = "30d";

            await Driver(retention: new RetentionSweep(new LocalObjectStore(), null, _time))
                .ReconcileAsync(resource, CancellationToken.None);

            Assert.Equal(ReconciliationPhase.Succeeded, resource.Status!.Phase);
            Assert.False(Directory.Exists(Path.Combine(output, "runs", "nightly-20240101")));
            Assert.Equal(["RunSucceeded", "RetentionApplied"], _events.Reasons.Where(r => r is "RunSucceeded" or "RetentionApplied"));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task A_failing_retention_is_a_warning_event_never_a_failed_run()
    {
        var resource = Resource();
        resource.Spec.Output.Location = "s3://bucket/out";
        resource.Spec.Retention.KeepRuns = "30d";
        var unreachable = new RoutingObjectStore(new LocalObjectStore(), () => throw new IOException("S3 is unreachable"));

        await Driver(retention: new RetentionSweep(unreachable, null, _time)).ReconcileAsync(resource, CancellationToken.None);

        Assert.Equal(ReconciliationPhase.Succeeded, resource.Status!.Phase);
        Assert.Contains("RetentionIncomplete", _events.Reasons);
    }

    [Fact]
    public async Task Idempotency_key_is_persisted_before_the_engine_is_called()
    {
        var resource = Resource();
        _transformer.BeforeStart = context =>
            Assert.Equal(context.IdempotencyKey, resource.Status!.Phases.Transform!.IdempotencyKey);
        await Driver().ReconcileAsync(resource, CancellationToken.None);
        Assert.Single(_transformer.Calls);
    }

    [Fact]
    public async Task Running_work_is_polled_after_the_requested_delay_by_a_restarted_driver_never_restarted()
    {
        var resource = Resource();
        _transformer.Answer(PhaseObservation.Running(["glue-run-1"], TimeSpan.FromMinutes(1)));
        var first = await Driver().ReconcileAsync(resource, CancellationToken.None);
        Assert.Equal(ReconcileOutcome.After(TimeSpan.FromMinutes(1)), first);
        Assert.Equal(["glue-run-1"], resource.Status!.Phases.Transform!.ExternalIds);

        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await Driver().ReconcileAsync(resource, CancellationToken.None);

        Assert.Equal(ReconcileOutcome.Done, second);
        Assert.Equal(["start", "poll"], _transformer.Calls.Select(c => c.Call));
        Assert.Equal(["glue-run-1"], _transformer.Calls[1].Context.ExternalIds);
    }

    [Fact]
    public async Task Engine_exception_becomes_a_retryable_failure_not_a_crash()
    {
        var resource = Resource();
        var throwing = new ThrowingEngine();
        var driver = Driver(new EngineSet(_coalescer, throwing, _queryRunner));
        var outcome = await driver.ReconcileAsync(resource, CancellationToken.None);

        Assert.Equal(ReconcileOutcome.After(TimeSpan.FromSeconds(30)), outcome);
        Assert.Equal(ConditionReasons.EngineError, resource.Status!.Phases.Transform!.Reason);
        Assert.Contains("glue exploded", resource.Status.Phases.Transform.Message);
    }

    [Fact]
    public async Task Aws_engines_that_cannot_be_built_fail_the_phase_at_once_naming_the_setting()
    {
        var resource = Resource();
        resource.Spec.Engine = EngineKind.Aws;
        resource.Spec.Manifests = new ManifestsSpec { ImportLocation = "s3://in/i", ExportLocation = "s3://in/e" };
        resource.Spec.Output = new OutputSpec { Location = "s3://out/recon" };
        resource.Spec.Coalesce.Enabled = false;
        resource.Spec.Transform.GlueJobName = "recon-etl";
        resource.Spec.Query.Database = "recon";
        var unbuildable = new Lazy<EngineSet>(() => throw new KafkaRecon.Operator.Aws.AwsConfigurationException(
            "No AWS region is configured: set AWS_REGION (or AWS_DEFAULT_REGION), e.g. AWS_REGION=eu-west-2."));
        var driver = Driver(engineProvider: new EngineProvider(new EngineSet(_coalescer, _transformer, _queryRunner), unbuildable));

        var outcome = await driver.ReconcileAsync(resource, CancellationToken.None);

        Assert.Equal(ReconcileOutcome.Done, outcome);
        Assert.Equal(ReconciliationPhase.Failed, resource.Status!.Phase);
        Assert.Equal(ConditionReasons.EngineNotConfigured, resource.Status.Phases.Transform!.Reason);
        Assert.Contains("AWS_REGION", resource.Status.Phases.Transform.Message);
        Assert.Equal(1, resource.Status.Phases.Transform.Attempt); // not retried: no retry can find a region
    }

    [Fact]
    public async Task Cancel_stops_the_running_phase_with_its_recorded_ids()
    {
        var resource = Resource();
        _coalescer.Answer(PhaseObservation.Running(["job-a", "job-b"], TimeSpan.FromMinutes(1)));
        await Driver().ReconcileAsync(resource, CancellationToken.None);

        await Driver().CancelAsync(resource, CancellationToken.None);

        var cancel = _coalescer.Calls.Single(c => c.Call == "cancel");
        Assert.Equal(["job-a", "job-b"], cancel.Context.ExternalIds);
        Assert.Empty(_transformer.Calls);
    }

    [Fact]
    public async Task Local_run_sleeps_on_the_injected_clock_until_the_run_finishes()
    {
        var resource = Resource();
        _queryRunner.Answer(PhaseObservation.Running(["q"], TimeSpan.FromMinutes(5)));
        var run = new LocalRun(Driver(), _time).DriveToCompletionAsync(resource, CancellationToken.None);
        await Poll.UntilAsync(() => resource.Status?.Phases.Query?.State == PhaseState.Running, "the query phase runs");
        Assert.False(run.IsCompleted);

        _time.Advance(TimeSpan.FromMinutes(5));
        var finished = await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ReconciliationPhase.Succeeded, finished.Status!.Phase);
    }

    [Fact]
    public async Task Local_run_returns_with_its_verdict_and_does_not_sleep_until_a_recheck()
    {
        var resource = Resource();
        resource.Spec.Recheck.After = ["6h"];

        var finished = await new LocalRun(Driver(), _time).DriveToCompletionAsync(resource, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ReconciliationPhase.Succeeded, finished.Status!.Phase);
        Assert.Equal(PlannerScenario.Now.AddHours(6), finished.Status.NextCheckTime);
    }

    private ReconciliationDriver Driver(
        EngineSet? engines = null, IEngineProvider? engineProvider = null, RetentionSweep? retention = null,
        IStatusSink? statusSink = null, FirstAnswer firstAnswer = FirstAnswer.GoOn) => new(
        engineProvider ?? new FixedEngines(engines ?? new EngineSet(_coalescer, _transformer, _queryRunner)),
        _summaries, new NoNotifications(), statusSink ?? _statusSink, _events, NullRunObserver.Instance, _time,
        NullLogger<ReconciliationDriver>.Instance, retention, firstAnswer: firstAnswer);

    private static KafkaReconciliation Resource() => new()
    {
        Metadata = new k8s.Models.V1ObjectMeta { Name = "nightly", NamespaceProperty = "recon", Uid = "u1", Generation = 1 },
        Spec = new KafkaReconciliationSpec
        {
            Engine = EngineKind.Embedded,
            Manifests = new ManifestsSpec { ImportLocation = "/in/i", ExportLocation = "/in/e" },
            Output = new OutputSpec { Location = "/out" },
        },
    };

    private sealed class FixedEngines(EngineSet set) : IEngineProvider
    {
        public EngineSet For(EngineKind engine) => set;
    }

    private sealed class FixedSummary(RunTotals totals) : ISummarySource
    {
        public List<string> ReadLocations { get; } = [];

        public Task<ReportSummary> ReadAsync(string location, CancellationToken cancellationToken)
        {
            ReadLocations.Add(location);
            return Task.FromResult(new ReportSummary
            {
                RunId = "nightly-20261125", WindowStart = default, WindowEnd = default, Totals = totals,
            });
        }
    }

    private sealed class ThrowingEngine : ITransformer
    {
        public Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken) =>
            throw new HttpRequestException("glue exploded");

        public Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken) =>
            throw new HttpRequestException("glue exploded");

        public Task CancelAsync(PhaseContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class RecordingEvents : IEventSink
    {
        public List<string> Reasons { get; } = [];

        public Task EmitAsync(KafkaReconciliation resource, EventSeverity severity, string reason, string message,
            CancellationToken cancellationToken)
        {
            Reasons.Add(reason);
            return Task.CompletedTask;
        }
    }

    /// <summary>The first status write finds the object suspended by the user (generation 2), as a 409 re-read would.</summary>
    private sealed class SuspendedUnderTheWrite(IStatusSink inner) : IStatusSink
    {
        private bool _changed;

        public Task<KafkaReconciliation> WriteStatusAsync(
            KafkaReconciliation resource, KafkaReconciliationStatus status, CancellationToken cancellationToken)
        {
            if (!_changed)
            {
                _changed = true;
                resource.Spec.Suspend = true;
                resource.Metadata.Generation = 2;
            }
            return inner.WriteStatusAsync(resource, status, cancellationToken);
        }
    }

    private sealed class NoNotifications : INotifier
    {
        public Task<NotificationResult> NotifyAsync(OutcomeNotification notification, CancellationToken cancellationToken) =>
            Task.FromResult(NotificationResult.Sent(1));
    }


}
