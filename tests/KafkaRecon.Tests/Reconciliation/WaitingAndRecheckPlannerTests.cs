using KafkaRecon.Entities;
using KafkaRecon.Operator.Inputs;
using KafkaRecon.Operator.Reconciliation;
using static KafkaRecon.Tests.Reconciliation.PlannerScenario;

namespace KafkaRecon.Tests.Reconciliation;

public sealed class WaitingAndRecheckPlannerTests
{
    private const string Marker = "/data/export/_SUCCESS";

    [Fact]
    public void A_run_waits_in_phase_waiting_until_the_inputs_are_quiet_then_starts()
    {
        var scenario = new PlannerScenario();
        scenario.Spec.Start = new StartSpec { QuietPeriod = "30m", MaxWait = "3h" };

        Assert.IsType<PlannedAction.ObserveInputs>(scenario.Step().Action);
        var waiting = scenario.Step(Observed(Now.AddMinutes(-10)));

        Assert.IsType<PlannedAction.Wait>(waiting.Action);
        Assert.Equal(TimeSpan.FromMinutes(20), waiting.RequeueAfter);
        Assert.Equal(ReconciliationPhase.Waiting, waiting.Status.Phase);
        Assert.Contains("quietPeriod", Assert.Single(waiting.Status.Waiting!.WaitingFor));
        Assert.Equal(Now.AddHours(3), waiting.Status.Waiting.Deadline);
        var inputsReady = Condition(waiting, ConditionTypes.InputsReady);
        Assert.Equal(("False", ConditionReasons.WaitingForInputs), (inputsReady.Status, inputsReady.Reason));
        Assert.Contains("quiet until 2026-11-26T03:50:00Z", inputsReady.Message);
        Assert.StartsWith("Waiting for quietPeriod", Condition(waiting, ConditionTypes.Reconciling).Message);
        Assert.Contains(waiting.Events, e => e.Reason == "Waiting");
        Assert.Null(waiting.Status.Phases.Coalesce);

        scenario.Clock = Now.AddMinutes(20);
        Assert.IsType<PlannedAction.ObserveInputs>(scenario.Step().Action);
        var started = scenario.Step(Observed(Now.AddMinutes(-10)));

        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Coalesce), started.Action);
        Assert.Equal(ConditionReasons.InputsComplete, Condition(started, ConditionTypes.InputsReady).Reason);
        Assert.Equal(Now.AddMinutes(20), started.Status.Waiting!.ReadyTime);
        Assert.False(started.Status.Waiting.TimedOut);
    }

    [Fact]
    public void A_run_whose_marker_never_appears_starts_at_max_wait_and_says_so()
    {
        var scenario = new PlannerScenario();
        scenario.Spec.Start = new StartSpec { Markers = [Marker], MaxWait = "1h" };
        scenario.Step();
        var polling = scenario.Step(Observed(null, Marker));
        Assert.Equal(StartDecision.MarkerPollInterval, polling.RequeueAfter);

        scenario.Clock = Now.AddHours(1);
        scenario.Step();
        var started = scenario.Step(Observed(null, Marker));

        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Coalesce), started.Action);
        var inputsReady = Condition(started, ConditionTypes.InputsReady);
        Assert.Equal(("False", ConditionReasons.WaitTimedOut), (inputsReady.Status, inputsReady.Reason));
        Assert.Contains(Marker, inputsReady.Message);
        Assert.Contains(started.Events, e => e.Severity == EventSeverity.Warning && e.Reason == ConditionReasons.WaitTimedOut);
        Assert.True(started.Status.Waiting!.TimedOut);
        Assert.Equal([$"markers missing: {Marker}"], started.Status.Waiting.WaitingFor);
    }

    [Fact]
    public void A_run_without_start_conditions_never_looks_at_its_inputs()
    {
        var plan = new PlannerScenario().Step();

        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Coalesce), plan.Action);
        Assert.Null(plan.Status.Waiting);
        Assert.DoesNotContain(plan.Status.Conditions, c => c.Type == ConditionTypes.InputsReady);
    }

    [Fact]
    public void Rechecks_compare_the_window_again_under_new_keys_and_the_latest_check_decides()
    {
        var scenario = new PlannerScenario();
        scenario.Spec.Recheck.After = ["6h", "24h"];
        scenario.Spec.Notifications.Slack = new SlackSpec();
        scenario.RunUpToVerify();
        var firstTransform = scenario.Status!.Phases.Transform!.IdempotencyKey;

        var failed = scenario.Step(Summary(new RunTotals { Imported = 10, Exported = 7, MissingExports = 3 }));
        Assert.Equal(ReconciliationPhase.Failed, failed.Status.Phase);
        Assert.IsType<PlannedAction.Notify>(failed.Action);
        var first = Assert.Single(failed.Status.Checks);
        Assert.Equal((1, "Failed", 3L, 0L), (first.Number, first.Verdict, first.MissingExports!.Value, first.Recovered));
        var waitForRecheck = scenario.Step(new ActionResult.Notification(true, null));
        Assert.Equal(TimeSpan.FromHours(6), waitForRecheck.RequeueAfter);
        Assert.Equal(Now.AddHours(6), waitForRecheck.Status.NextCheckTime);

        scenario.Clock = Now.AddHours(6);
        var recheck = scenario.Step();
        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Transform), recheck.Action);
        Assert.Equal("nightly-20261125-c2", recheck.Status.RunId);
        Assert.Equal(PhaseState.Succeeded, recheck.Status.Phases.Coalesce!.State); // coalesce is not run again
        Assert.NotEqual(firstTransform, recheck.Status.Phases.Transform!.IdempotencyKey);
        Assert.Contains(recheck.Events, e => e.Reason == "RecheckStarted" && e.Message.Contains("Check 2 of 3"));
        scenario.Step(Succeeded(RunPhase.Transform));
        scenario.Step(Succeeded(RunPhase.Query));

        var recovered = scenario.Step(Summary(new RunTotals { Imported = 10, Exported = 10 }));
        Assert.Equal(ReconciliationPhase.Succeeded, recovered.Status.Phase);
        Assert.Equal("True", Condition(recovered, ConditionTypes.Ready).Status);
        Assert.IsType<PlannedAction.Notify>(recovered.Action); // a recovery is announced
        var second = recovered.Status.Checks[1];
        Assert.Equal((2, "Succeeded", 0L, 3L), (second.Number, second.Verdict, second.MissingExports!.Value, second.Recovered));
        Assert.Contains(recovered.Events, e => e.Reason == "LateRecordsRecovered" && e.Message.Contains("recovered: 3 records arrived late"));
        Assert.Equal(TimeSpan.FromHours(18), scenario.Step(new ActionResult.Notification(true, null)).RequeueAfter);

        scenario.Clock = Now.AddHours(24);
        scenario.Step();
        scenario.Step(Succeeded(RunPhase.Transform));
        scenario.Step(Succeeded(RunPhase.Query));
        var clean = scenario.Step(Summary(new RunTotals { Imported = 10, Exported = 10 }));

        Assert.True(clean.IsFinished); // a clean recheck with nothing recovered is not announced, and none is left
        Assert.Equal(3, clean.Status.Checks.Count);
        Assert.Null(clean.Status.NextCheckTime);
    }

    [Fact]
    public void Records_that_arrive_late_after_a_recheck_that_could_not_compare_are_counted_and_announced()
    {
        var scenario = new PlannerScenario();
        scenario.Spec.Recheck.After = ["6h", "24h"];
        scenario.Spec.Notifications.Slack = new SlackSpec();
        scenario.RunUpToVerify();
        scenario.Step(Summary(new RunTotals { Imported = 10, Exported = 7, MissingExports = 3 }));
        scenario.Step(new ActionResult.Notification(true, null));

        scenario.Clock = Now.AddHours(6);
        scenario.Step();
        var stalled = scenario.Step(Failed(RunPhase.Transform, retryable: false));
        Assert.Equal(ReconciliationPhase.Failed, stalled.Status.Phase);
        Assert.Null(stalled.Status.Checks[1].MissingExports); // the second check could not compare
        if (stalled.Action is PlannedAction.Notify)
        {
            scenario.Step(new ActionResult.Notification(true, null));
        }

        scenario.Clock = Now.AddHours(24);
        scenario.Step();
        scenario.Step(Succeeded(RunPhase.Transform));
        scenario.Step(Succeeded(RunPhase.Query));
        var clean = scenario.Step(Summary(new RunTotals { Imported = 10, Exported = 10 }));

        Assert.Equal(ReconciliationPhase.Succeeded, clean.Status.Phase);
        Assert.Equal(3L, clean.Status.Checks[2].Recovered);
        Assert.IsType<PlannedAction.Notify>(clean.Action); // the last message said "failed": the recovery is said
    }

    [Fact]
    public void A_rerun_forgets_the_checks_and_the_wait()
    {
        var scenario = new PlannerScenario();
        scenario.Spec.Recheck.After = ["6h"];
        scenario.RunUpToVerify();
        scenario.Step(Summary(new RunTotals { Imported = 10, Exported = 10 }));
        scenario.Annotations[WellKnown.RerunAnnotation] = "again";

        var rerun = scenario.Step();

        Assert.Empty(rerun.Status.Checks);
        Assert.Null(rerun.Status.NextCheckTime);
        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Coalesce), rerun.Action);
    }

    private static ActionResult.InputsObserved Observed(DateTimeOffset? newest, params string[] missingMarkers) =>
        new(new InputObservation(newest, 4, missingMarkers));

    private static k8s.Models.V1Condition Condition(Plan plan, string type) =>
        Assert.Single(plan.Status.Conditions, c => c.Type == type);
}
