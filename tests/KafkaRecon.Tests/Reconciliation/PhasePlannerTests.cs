using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Reports;
using static KafkaRecon.Tests.Reconciliation.PlannerScenario;

namespace KafkaRecon.Tests.Reconciliation;

public sealed class PhasePlannerTests
{
    [Fact]
    public void New_resource_fixes_the_previous_utc_day_and_records_the_coalesce_key_before_starting_it()
    {
        var scenario = new PlannerScenario();
        var plan = scenario.Step();

        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Coalesce), plan.Action);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), plan.Status.Window!.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), plan.Status.Window.End);
        Assert.Equal("nightly-20261125", plan.Status.RunId);
        Assert.Equal(ReconciliationPhase.Coalescing, plan.Status.Phase);
        var record = plan.Status.Phases.Coalesce!;
        Assert.Equal(PhaseState.Submitting, record.State);
        Assert.Equal(IdempotencyKeys.For(scenario.Resource, RunPhase.Coalesce, 1, 1), record.IdempotencyKey);
        Assert.Equal(1, plan.Status.ObservedGeneration);
    }

    [Fact]
    public void Explicit_window_is_kept_as_given()
    {
        var scenario = new PlannerScenario { Spec = EmbeddedSpec() };
        scenario.Spec.Window = new WindowSpec
        {
            Start = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero),
            End = new DateTimeOffset(2026, 1, 2, 12, 0, 0, TimeSpan.Zero),
            MarginMinutes = 15,
        };
        var plan = scenario.Step();
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 12, 0, 0, TimeSpan.Zero), plan.Status.Window!.End);
        Assert.Equal(15, plan.Status.Window.MarginMinutes);
        Assert.Equal("nightly-20260102", plan.Status.RunId);
    }

    [Fact]
    public void Disabled_coalesce_is_skipped_and_transform_starts()
    {
        var scenario = new PlannerScenario { Spec = EmbeddedSpec() };
        scenario.Spec.Coalesce.Enabled = false;
        var plan = scenario.Step();
        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Transform), plan.Action);
        Assert.Equal(PhaseState.Skipped, plan.Status.Phases.Coalesce!.State);
        Assert.Equal(ConditionReasons.Skipped, Conditions.Find(plan.Status.Conditions, ConditionTypes.Coalesced)!.Reason);
    }

    [Fact]
    public void A_succeeded_phase_starts_the_next_one_in_the_same_pass()
    {
        var scenario = new PlannerScenario();
        scenario.Step();
        var plan = scenario.Step(Succeeded(RunPhase.Coalesce));
        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Transform), plan.Action);
        Assert.Equal(PhaseState.Succeeded, plan.Status.Phases.Coalesce!.State);
        Assert.Equal(ReconciliationPhase.Transforming, plan.Status.Phase);
    }

    [Fact]
    public void Running_work_records_its_external_ids_and_waits_for_the_engines_poll_interval()
    {
        var scenario = new PlannerScenario();
        scenario.Step();
        var plan = scenario.Step(Running(RunPhase.Coalesce, "job-1", "job-2"));
        Assert.IsType<PlannedAction.Wait>(plan.Action);
        Assert.Equal(TimeSpan.FromSeconds(20), plan.RequeueAfter);
        Assert.Equal(["job-1", "job-2"], plan.Status.Phases.Coalesce!.ExternalIds);
        Assert.Equal(PhaseState.Running, plan.Status.Phases.Coalesce.State);
    }

    [Fact]
    public void Restarted_operator_polls_running_work_instead_of_submitting_it_again()
    {
        var scenario = new PlannerScenario();
        scenario.Step();
        scenario.Step(Running(RunPhase.Coalesce, "job-1"));
        scenario.Clock += TimeSpan.FromMinutes(1);
        Assert.Equal(new PlannedAction.PollPhase(RunPhase.Coalesce), scenario.Step().Action);
    }

    [Fact]
    public void Restarted_operator_resubmits_a_phase_left_in_submitting_under_the_same_key()
    {
        var scenario = new PlannerScenario();
        var first = scenario.Step();
        var key = first.Status.Phases.Coalesce!.IdempotencyKey;
        var again = scenario.Step();
        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Coalesce), again.Action);
        Assert.Equal(key, again.Status.Phases.Coalesce!.IdempotencyKey);
    }

    [Fact]
    public void A_phase_past_its_timeout_is_cancelled_then_retried_under_a_new_key()
    {
        var scenario = new PlannerScenario();
        scenario.Step();
        scenario.Step(Running(RunPhase.Coalesce, "job-1"));
        scenario.Clock += TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1);
        var cancel = scenario.Step();
        Assert.Equal(new PlannedAction.CancelPhase(RunPhase.Coalesce, CancelCause.TimedOut), cancel.Action);

        var retry = scenario.Step(new ActionResult.Cancelled(RunPhase.Coalesce, CancelCause.TimedOut));
        var record = retry.Status.Phases.Coalesce!;
        Assert.Equal(PhaseState.Pending, record.State);
        Assert.Equal(2, record.Attempt);
        Assert.Equal(IdempotencyKeys.For(scenario.Resource, RunPhase.Coalesce, 1, 2), record.IdempotencyKey);
        Assert.Empty(record.ExternalIds);
        Assert.Equal(TimeSpan.FromSeconds(30), retry.RequeueAfter);
    }

    [Fact]
    public void Poll_interval_never_overshoots_the_phase_timeout()
    {
        var scenario = new PlannerScenario();
        scenario.Step();
        scenario.Clock += TimeSpan.FromHours(2) - TimeSpan.FromSeconds(5);
        var plan = scenario.Step(Running(RunPhase.Coalesce, "job-1"));
        Assert.Equal(TimeSpan.FromSeconds(6), plan.RequeueAfter);
    }

    [Fact]
    public void Failed_attempt_waits_for_its_backoff_then_starts_again()
    {
        var scenario = new PlannerScenario();
        scenario.Step();
        var failed = scenario.Step(Failed(RunPhase.Coalesce));
        Assert.IsType<PlannedAction.Wait>(failed.Action);
        Assert.Equal(ConditionReasons.RetryScheduled,
            Conditions.Find(failed.Status.Conditions, ConditionTypes.Coalesced)!.Reason);
        Assert.Contains(failed.Events, e => e is { Severity: EventSeverity.Warning, Reason: "CoalesceFailed" });

        scenario.Clock += TimeSpan.FromSeconds(10);
        Assert.Equal(TimeSpan.FromSeconds(20), scenario.Step().RequeueAfter);

        scenario.Clock += TimeSpan.FromSeconds(20);
        var restart = scenario.Step();
        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Coalesce), restart.Action);
        Assert.Equal(PhaseState.Submitting, restart.Status.Phases.Coalesce!.State);
    }

    [Fact]
    public void Exhausted_retries_fail_the_run_as_stalled()
    {
        var scenario = new PlannerScenario { Spec = EmbeddedSpec() };
        scenario.Spec.Retries.Coalesce = 0;
        scenario.Step();
        var plan = scenario.Step(Failed(RunPhase.Coalesce));
        Assert.Equal(ReconciliationPhase.Failed, plan.Status.Phase);
        Assert.Equal(PhaseState.Failed, plan.Status.Phases.Coalesce!.State);
        var stalled = Conditions.Find(plan.Status.Conditions, ConditionTypes.Stalled)!;
        Assert.Equal((Conditions.True, nameof(PhaseFailure.BatchJobFailed)), (stalled.Status, stalled.Reason));
        Assert.Equal(Conditions.False, Conditions.Find(plan.Status.Conditions, ConditionTypes.Ready)!.Status);
        Assert.True(plan.IsFinished);
    }

    [Fact]
    public void Non_retryable_failure_fails_the_run_at_once()
    {
        var scenario = new PlannerScenario();
        scenario.Step();
        var plan = scenario.Step(Failed(RunPhase.Coalesce, PhaseFailure.InvalidSpec, retryable: false));
        Assert.Equal(ReconciliationPhase.Failed, plan.Status.Phase);
        Assert.Equal(1, plan.Status.Phases.Coalesce!.Attempt);
    }

    [Fact]
    public void A_failed_report_query_still_verifies_the_partial_report()
    {
        var scenario = new PlannerScenario { Spec = EmbeddedSpec() };
        scenario.Spec.Retries.Query = 0;
        scenario.Step();
        scenario.Step(Succeeded(RunPhase.Coalesce));
        scenario.Step(Succeeded(RunPhase.Transform));
        var plan = scenario.Step(Failed(RunPhase.Query, PhaseFailure.QueryFailed));
        Assert.IsType<PlannedAction.ReadSummary>(plan.Action);

        var done = scenario.Step(Summary(new RunTotals { Imported = 5, Exported = 5 }, "Export totals"));
        Assert.Equal(ReconciliationPhase.Failed, done.Status.Phase);
        Assert.Equal("PartialReport", Conditions.Find(done.Status.Conditions, ConditionTypes.Ready)!.Reason);
        Assert.Equal(5, done.Status.Results!.Imported);
    }

    [Fact]
    public void Clean_summary_succeeds_and_records_totals_and_top_collections()
    {
        var scenario = new PlannerScenario();
        scenario.RunUpToVerify();
        var plan = scenario.Step(Summary(new RunTotals { Imported = 15, Exported = 15 }));
        Assert.Equal(ReconciliationPhase.Succeeded, plan.Status.Phase);
        Assert.Equal(Conditions.True, Conditions.Find(plan.Status.Conditions, ConditionTypes.Ready)!.Status);
        Assert.Equal(Conditions.False, Conditions.Find(plan.Status.Conditions, ConditionTypes.Reconciling)!.Status);
        Assert.Equal(15, plan.Status.Results!.Exported);
        Assert.Equal("a.b", Assert.Single(plan.Status.TopCollections).Collection);
        Assert.Equal(PlannerScenario.Now, plan.Status.CompletionTime);
        Assert.True(plan.IsFinished);
    }

    [Fact]
    public void Missing_exports_fail_verification_without_stalling()
    {
        var scenario = new PlannerScenario();
        scenario.RunUpToVerify();
        var plan = scenario.Step(Summary(new RunTotals { Imported = 15, Exported = 12, MissingExports = 3 }));
        Assert.Equal(ReconciliationPhase.Failed, plan.Status.Phase);
        Assert.Equal("RecordsMissing", Conditions.Find(plan.Status.Conditions, ConditionTypes.Ready)!.Reason);
        Assert.Equal(Conditions.False, Conditions.Find(plan.Status.Conditions, ConditionTypes.Stalled)!.Status);
        Assert.Equal(3, plan.Status.Results!.MissingExports);
    }

    [Fact]
    public void Unreadable_summary_fails_the_run_as_stalled()
    {
        var scenario = new PlannerScenario();
        scenario.RunUpToVerify();
        var plan = scenario.Step(new ActionResult.Summary(null, "file not found"));
        Assert.Equal(ReconciliationPhase.Failed, plan.Status.Phase);
        Assert.Equal("SummaryUnavailable", Conditions.Find(plan.Status.Conditions, ConditionTypes.Stalled)!.Reason);
    }

    [Fact]
    public void Outcome_notification_is_recorded_before_it_is_sent_and_sent_once()
    {
        var scenario = new PlannerScenario { Spec = EmbeddedSpec() };
        scenario.Spec.Notifications.Slack = new SlackSpec();
        scenario.RunUpToVerify();
        var notify = scenario.Step(Summary(new RunTotals { Imported = 1, Exported = 1 }));
        Assert.IsType<PlannedAction.Notify>(notify.Action);
        Assert.Equal(("nightly-20261125-succeeded", NotificationStep.Sending),
            (notify.Status.Notification!.Id, notify.Status.Notification.State));

        var sent = scenario.Step(new ActionResult.Notification(true, null));
        Assert.Equal(NotificationStep.Sent, sent.Status.Notification!.State);
        Assert.True(sent.IsFinished);
        Assert.IsType<PlannedAction.Wait>(scenario.Step().Action);
    }

    [Fact]
    public void Operator_restarted_mid_send_does_not_send_the_notification_again()
    {
        var scenario = new PlannerScenario { Spec = EmbeddedSpec() };
        scenario.Spec.Notifications.Slack = new SlackSpec();
        scenario.RunUpToVerify();
        scenario.Step(Summary(new RunTotals()));
        var afterRestart = scenario.Step();
        Assert.IsType<PlannedAction.Wait>(afterRestart.Action);
        Assert.Equal(NotificationStep.Unconfirmed, afterRestart.Status.Notification!.State);
    }

    [Fact]
    public void Failed_notification_sets_notified_false_and_never_fails_the_run()
    {
        var scenario = new PlannerScenario { Spec = EmbeddedSpec() };
        scenario.Spec.Notifications.Slack = new SlackSpec();
        scenario.RunUpToVerify();
        scenario.Step(Summary(new RunTotals { Imported = 1, Exported = 1 }));
        var plan = scenario.Step(new ActionResult.Notification(false, "HTTP 500 after 5 attempts"));
        Assert.Equal(ReconciliationPhase.Succeeded, plan.Status.Phase);
        Assert.Equal(ConditionReasons.NotificationFailed,
            Conditions.Find(plan.Status.Conditions, ConditionTypes.Notified)!.Reason);
        Assert.Contains(plan.Events, e => e.Severity == EventSeverity.Warning);
    }

    [Fact]
    public void Invalid_window_stalls_with_a_message_naming_the_field_once()
    {
        var scenario = new PlannerScenario { Spec = EmbeddedSpec() };
        scenario.Spec.Window = new WindowSpec
        {
            Start = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero),
            End = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        var plan = scenario.Step();
        var stalled = Conditions.Find(plan.Status.Conditions, ConditionTypes.Stalled)!;
        Assert.Equal((Conditions.True, ConditionReasons.InvalidSpec), (stalled.Status, stalled.Reason));
        Assert.Contains("spec.window.end", stalled.Message);
        Assert.Single(plan.Events);
        Assert.Empty(scenario.Step().Events);
    }

    [Fact]
    public void Fixing_a_rejected_spec_starts_the_run()
    {
        var scenario = new PlannerScenario { Spec = EmbeddedSpec() };
        scenario.Spec.Output.Location = "";
        scenario.Step();
        scenario.Spec.Output.Location = "/data/out";
        scenario.Generation = 2;
        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Coalesce), scenario.Step().Action);
    }

    [Fact]
    public void Suspended_run_starts_no_work_until_resumed()
    {
        var scenario = new PlannerScenario { Spec = EmbeddedSpec() };
        scenario.Spec.Suspend = true;
        var plan = scenario.Step();
        Assert.True(plan.IsFinished);
        Assert.Null(plan.Status.Phases.Coalesce);
        Assert.Equal(ConditionReasons.Suspended, Conditions.Find(plan.Status.Conditions, ConditionTypes.Reconciling)!.Reason);

        scenario.Spec.Suspend = false;
        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Coalesce), scenario.Step().Action);
    }

    [Fact]
    public void Each_phase_s_aws_cost_lands_in_status_and_a_rerun_starts_from_none()
    {
        var scenario = new PlannerScenario();
        scenario.Step();
        scenario.Step(new ActionResult.Phase(RunPhase.Coalesce,
            PhaseObservation.Succeeded() with { Cost = new RunCost { BatchVcpuSeconds = 12 } }));
        // A stale repeat of a decided phase changes nothing; the transform's own item joins the coalesce's.
        scenario.Step(new ActionResult.Phase(RunPhase.Coalesce,
            PhaseObservation.Succeeded() with { Cost = new RunCost { BatchVcpuSeconds = 99 } }));
        scenario.Step(new ActionResult.Phase(RunPhase.Transform,
            PhaseObservation.Failed(PhaseFailure.GlueFailed, "boom") with { Cost = new RunCost { GlueDpuSeconds = 30 } }));
        var plan = scenario.Step(new ActionResult.Phase(RunPhase.Transform,
            PhaseObservation.Running(["jr_2"], TimeSpan.FromSeconds(30))));

        Assert.Equal(new RunCost { BatchVcpuSeconds = 12, GlueDpuSeconds = 30 }, plan.Status.Cost);

        // The retry's run is billed too: both attempts count.
        plan = scenario.Step(new ActionResult.Phase(RunPhase.Transform,
            PhaseObservation.Succeeded() with { Cost = new RunCost { GlueDpuSeconds = 45 } }));
        Assert.Equal(new RunCost { BatchVcpuSeconds = 12, GlueDpuSeconds = 75 }, plan.Status.Cost);
        scenario.Step(Succeeded(RunPhase.Query));
        scenario.Step(Summary(new RunTotals()));
        scenario.Annotations[WellKnown.RerunAnnotation] = "t1";
        Assert.Null(scenario.Step().Status.Cost);
    }

    [Fact]
    public void Rerun_annotation_reruns_a_finished_run_once_per_token_keeping_its_window()
    {
        var scenario = new PlannerScenario();
        scenario.RunUpToVerify();
        var finished = scenario.Step(Summary(new RunTotals()));
        var window = finished.Status.Window!.Start;

        scenario.Annotations[WellKnown.RerunAnnotation] = "t1";
        scenario.Clock += TimeSpan.FromDays(3);
        var rerun = scenario.Step();
        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Coalesce), rerun.Action);
        Assert.Equal(2, rerun.Status.Attempt);
        Assert.Equal("nightly-20261125-r2", rerun.Status.RunId);
        Assert.Equal(window, rerun.Status.Window!.Start);
        Assert.Equal(IdempotencyKeys.For(scenario.Resource, RunPhase.Coalesce, 2, 1),
            rerun.Status.Phases.Coalesce!.IdempotencyKey);

        scenario.Step(Succeeded(RunPhase.Coalesce));
        scenario.Step(Succeeded(RunPhase.Transform));
        scenario.Step(Succeeded(RunPhase.Query));
        scenario.Step(Summary(new RunTotals()));
        Assert.True(scenario.Step().IsFinished);
    }

    [Fact]
    public void Spec_change_while_running_cancels_the_phase_then_restarts_the_run()
    {
        var scenario = new PlannerScenario();
        scenario.Step();
        scenario.Step(Running(RunPhase.Coalesce, "job-1"));
        scenario.Generation = 2;
        var cancel = scenario.Step();
        Assert.Equal(new PlannedAction.CancelPhase(RunPhase.Coalesce, CancelCause.SpecChanged), cancel.Action);

        var restart = scenario.Step(new ActionResult.Cancelled(RunPhase.Coalesce, CancelCause.SpecChanged));
        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Coalesce), restart.Action);
        Assert.Equal(2, restart.Status.Attempt);
        Assert.Equal(2, restart.Status.ObservedGeneration);
        Assert.Empty(restart.Status.Phases.Coalesce!.ExternalIds);
    }

    [Fact]
    public void Planning_never_mutates_the_status_it_was_given()
    {
        var scenario = new PlannerScenario();
        scenario.Step();
        var before = k8s.KubernetesJson.Serialize(scenario.Status);
        PhasePlanner.Plan(new PlanInput(scenario.Resource, 1, scenario.Annotations, scenario.Spec, scenario.Status,
            Succeeded(RunPhase.Coalesce), PlannerScenario.Now));
        Assert.Equal(before, k8s.KubernetesJson.Serialize(scenario.Status));
    }

    [Theory]
    [InlineData("other-uid", 1, 1)]
    [InlineData("uid-1", 2, 1)]
    [InlineData("uid-1", 1, 2)]
    public void Idempotency_keys_change_with_uid_and_attempts(string uid, int runAttempt, int phaseAttempt)
    {
        var baseline = IdempotencyKeys.For(new("recon", "nightly", "uid-1"), RunPhase.Transform, 1, 1);
        var other = IdempotencyKeys.For(new("recon", "nightly", uid), RunPhase.Transform, runAttempt, phaseAttempt);
        Assert.NotEqual(baseline, other);
        Assert.Equal(baseline, IdempotencyKeys.For(new("recon", "nightly", "uid-1"), RunPhase.Transform, 1, 1));
        Assert.Matches("^[a-z0-9-]{32,128}$", other);
    }
}
