using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Reconciliation;
using static KafkaRecon.Tests.Reconciliation.PlannerScenario;

namespace KafkaRecon.Tests.Reconciliation;

/// <summary>Phase Queued comes from what the engine observed: a place in the run executor's queue.</summary>
public sealed class QueuedPhaseTests
{
    private static readonly QueuePlace Third = new(3, 5, 2);

    [Fact]
    public void A_queued_observation_shows_phase_queued_with_the_place_in_the_phase_condition()
    {
        var scenario = new PlannerScenario();
        scenario.Step();

        var plan = scenario.Step(Queued(RunPhase.Coalesce, Third));

        Assert.Equal(ReconciliationPhase.Queued, plan.Status.Phase);
        Assert.Equal(PhaseState.Submitting, plan.Status.Phases.Coalesce!.State);
        var condition = plan.Status.Conditions.Single(c => c.Type == ConditionTypes.Coalesced);
        Assert.Equal(ConditionReasons.Queued, condition.Reason);
        Assert.Contains("position 3 of 5", condition.Message);
        Assert.IsType<PlannedAction.Wait>(plan.Action);
        Assert.Equal(TimeSpan.FromSeconds(10), plan.RequeueAfter);
        Assert.Contains(plan.Status.Conditions, c => c.Type == ConditionTypes.Reconciling && c.Message == "Waiting for a run slot");
    }

    [Fact]
    public void A_queued_phase_asks_the_executor_again_and_keeps_showing_queued_until_an_observation_says_otherwise()
    {
        var scenario = new PlannerScenario();
        scenario.Step();
        scenario.Step(Queued(RunPhase.Coalesce, Third));

        var plan = scenario.Step();

        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Coalesce), plan.Action);
        Assert.Equal(ReconciliationPhase.Queued, plan.Status.Phase);
    }

    [Fact]
    public void Work_running_in_the_operator_leaves_the_phase_submitting_so_a_restart_submits_it_again()
    {
        var scenario = new PlannerScenario();
        scenario.Step();

        var plan = scenario.Step(new ActionResult.Phase(RunPhase.Coalesce, PhaseObservation.RunningInProcess(TimeSpan.FromSeconds(30))));

        Assert.Equal(PhaseState.Submitting, plan.Status.Phases.Coalesce!.State);
        Assert.Equal(ReconciliationPhase.Coalescing, plan.Status.Phase);
        Assert.IsType<PlannedAction.Wait>(plan.Action);
        Assert.Equal(TimeSpan.FromSeconds(30), plan.RequeueAfter);
        Assert.Equal(new PlannedAction.StartPhase(RunPhase.Coalesce), scenario.Step().Action);
    }

    [Fact]
    public void Work_in_the_operator_that_started_external_work_makes_the_phase_running_with_its_ids()
    {
        var scenario = new PlannerScenario();
        scenario.Step();
        scenario.Step(new ActionResult.Phase(RunPhase.Coalesce, PhaseObservation.RunningInProcess(TimeSpan.FromSeconds(30))));

        var plan = scenario.Step(Running(RunPhase.Coalesce, "job-1"));

        Assert.Equal(PhaseState.Running, plan.Status.Phases.Coalesce!.State);
        Assert.Equal(["job-1"], plan.Status.Phases.Coalesce.ExternalIds);
        Assert.Equal(new PlannedAction.PollPhase(RunPhase.Coalesce), scenario.Step().Action);
    }

    [Fact]
    public void A_phase_submitting_past_its_timeout_is_cancelled_as_timed_out_rather_than_asked_again()
    {
        var scenario = new PlannerScenario();
        scenario.Step();
        scenario.Step(Queued(RunPhase.Coalesce, Third));
        scenario.Clock += TimeSpan.FromHours(3); // spec.timeouts.coalesce is 2h

        var plan = scenario.Step();

        Assert.Equal(new PlannedAction.CancelPhase(RunPhase.Coalesce, CancelCause.TimedOut), plan.Action);
    }

    public static TheoryData<string, ReconciliationPhase, string?, string> NextObservations => new()
    {
        { "queued nearer the front", ReconciliationPhase.Queued, ConditionReasons.Queued, "position 1 of 4" },
        { "running", ReconciliationPhase.Coalescing, ConditionReasons.Progressing, "Coalesce running" },
        { "succeeded", ReconciliationPhase.Transforming, ConditionReasons.Succeeded, "Coalesce succeeded" },
        { "failed for good", ReconciliationPhase.Failed, nameof(PhaseFailure.CoalesceFailed), "bad input" },
    };

    [Theory]
    [MemberData(nameof(NextObservations))]
    public void After_queued_the_next_observation_decides_the_phase(
        string observed, ReconciliationPhase phase, string? reason, string message)
    {
        var scenario = new PlannerScenario();
        scenario.Step();
        scenario.Step(Queued(RunPhase.Coalesce, Third));

        var plan = scenario.Step(new ActionResult.Phase(RunPhase.Coalesce, Observation(observed)));

        Assert.Equal(phase, plan.Status.Phase);
        var condition = plan.Status.Conditions.Single(c => c.Type == ConditionTypes.Coalesced);
        Assert.Equal(reason, condition.Reason);
        Assert.Contains(message, condition.Message);
    }

    [Fact]
    public void A_spec_change_while_queued_cancels_the_queued_work_first()
    {
        var scenario = new PlannerScenario();
        scenario.Step();
        scenario.Step(Queued(RunPhase.Coalesce, Third));
        scenario.Generation = 2;

        var plan = scenario.Step();

        Assert.Equal(new PlannedAction.CancelPhase(RunPhase.Coalesce, CancelCause.SpecChanged), plan.Action);
    }

    private static ActionResult.Phase Queued(RunPhase phase, QueuePlace place) =>
        new(phase, PhaseObservation.Queued(place, TimeSpan.FromSeconds(10)));

    private static PhaseObservation Observation(string observed) => observed switch
    {
        "queued nearer the front" => PhaseObservation.Queued(new QueuePlace(1, 4, 2), TimeSpan.FromSeconds(10)),
        "running" => PhaseObservation.Running([], TimeSpan.FromSeconds(30)),
        "succeeded" => PhaseObservation.Succeeded(),
        _ => PhaseObservation.Failed(PhaseFailure.CoalesceFailed, "bad input", retryable: false),
    };
}
