using k8s.Models;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Reconciliation;
using static KafkaRecon.Tests.Reconciliation.PlannerScenario;

namespace KafkaRecon.Tests.Reconciliation;

public sealed class StatusSummaryTests
{
    private const string T = Conditions.True;
    private const string F = Conditions.False;
    private const string U = Conditions.Unknown;

    /// <summary>Situation → (outcome, phase conditions, expected Ready; Reconciling; Stalled as status/reason/message).</summary>
    private static readonly Dictionary<string, (RunOutcome Outcome, V1Condition[] PhaseConditions, string Expected)> Rows = new()
    {
        ["a run in progress is reconciling, not ready yet, not stalled"] = (
            new RunOutcome.Progressing("Transform in progress"), [Phase(ConditionTypes.Transformed, U, "Progressing", "")],
            "Ready=Unknown/Progressing/Run in progress; Reconciling=True/Progressing/Transform in progress; Stalled=False/Progressing/"),
        ["a suspended run is not reconciling and not stalled"] = (
            new RunOutcome.Suspended(), [],
            "Ready=Unknown/Progressing/Run in progress; " +
            "Reconciling=False/Suspended/spec.suspend is true: no new work is started until it is false; Stalled=False/Progressing/"),
        ["a verified run is ready with the totals of its Verified condition"] = (
            new RunOutcome.Verified(), [Phase(ConditionTypes.Verified, T, "VerificationPassed", "imported 5, exported 5")],
            "Ready=True/VerificationPassed/imported 5, exported 5; Reconciling=False/Succeeded/Run finished; Stalled=False/Succeeded/"),
        ["a run verification failed is not ready for the Verified reason, and not stalled"] = (
            new RunOutcome.Unverified("imported 5, exported 4"),
            [Phase(ConditionTypes.Verified, F, "RecordsMissing", "1 imported records are missing from the export")],
            "Ready=False/RecordsMissing/1 imported records are missing from the export. imported 5, exported 4; " +
            "Reconciling=False/Failed/Run finished; Stalled=False/Failed/"),
        ["a partial report fails verification like any other finding"] = (
            new RunOutcome.Unverified("imported 5"),
            [Phase(ConditionTypes.Queried, F, "QueryFailed", "Report query failed"),
             Phase(ConditionTypes.Verified, F, "PartialReport", "the report is partial")],
            "Ready=False/PartialReport/the report is partial. imported 5; Reconciling=False/Failed/Run finished; Stalled=False/Failed/"),
        ["a failed engine phase stalls the run with the phase condition's reason, naming the phase and its message"] = (
            new RunOutcome.Stalled(RunPhase.Coalesce), [Phase(ConditionTypes.Coalesced, F, "BatchJobFailed", "job failed")],
            "Ready=False/BatchJobFailed/Coalesce failed: job failed; Reconciling=False/Failed/Run finished; " +
            "Stalled=True/BatchJobFailed/Coalesce failed: job failed"),
        ["a timed-out query stalls the run as TimedOut, never as the partial-report reason QueryFailed"] = (
            new RunOutcome.Stalled(RunPhase.Query), [Phase(ConditionTypes.Queried, F, "TimedOut", "Query did not finish within 01:00:00")],
            "Ready=False/TimedOut/Query failed: Query did not finish within 01:00:00; Reconciling=False/Failed/Run finished; " +
            "Stalled=True/TimedOut/Query failed: Query did not finish within 01:00:00"),
        ["a query phase whose summary failed stalls the run as SummaryFailed"] = (
            new RunOutcome.Stalled(RunPhase.Query), [Phase(ConditionTypes.Queried, F, "SummaryFailed", "no summary")],
            "Ready=False/SummaryFailed/Query failed: no summary; Reconciling=False/Failed/Run finished; " +
            "Stalled=True/SummaryFailed/Query failed: no summary"),
        ["a transform that failed stalls the run with the transform's reason"] = (
            new RunOutcome.Stalled(RunPhase.Transform), [Phase(ConditionTypes.Transformed, F, "GlueFailed", "job failed")],
            "Ready=False/GlueFailed/Transform failed: job failed; Reconciling=False/Failed/Run finished; " +
            "Stalled=True/GlueFailed/Transform failed: job failed"),
        ["a stalled phase without a condition stalls the run as Failed"] = (
            new RunOutcome.Stalled(RunPhase.Transform), [],
            "Ready=False/Failed/Transform failed: no message; Reconciling=False/Failed/Run finished; " +
            "Stalled=True/Failed/Transform failed: no message"),
        ["an unreadable summary stalls the run with the Verified condition's own reason"] = (
            new RunOutcome.Stalled(RunPhase.Verify),
            [Phase(ConditionTypes.Verified, F, "SummaryUnavailable", "The report summary could not be read: gone")],
            "Ready=False/SummaryUnavailable/The report summary could not be read: gone; Reconciling=False/Failed/Run finished; " +
            "Stalled=True/SummaryUnavailable/The report summary could not be read: gone"),
        ["an invalid spec stalls the resource and asks for a fix"] = (
            new RunOutcome.InvalidSpec("Invalid spec: spec.output.location is required"), [],
            "Ready=False/InvalidSpec/Invalid spec: spec.output.location is required; Reconciling=False/InvalidSpec/Fix the spec to run; " +
            "Stalled=True/InvalidSpec/Invalid spec: spec.output.location is required"),
    };

    public static TheoryData<string> Situations() => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Situations))]
    public void Summary_conditions_follow_from_the_outcome_and_the_phase_conditions(string situation)
    {
        var (outcome, phaseConditions, expected) = Rows[situation];

        var summary = StatusSummary.Summarize(outcome, phaseConditions);

        Assert.Equal(expected, Describe(summary));
    }

    [Fact]
    public void A_resumed_run_is_reconciling_again_while_its_phase_still_runs()
    {
        var scenario = new PlannerScenario { Spec = EmbeddedSpec() };
        scenario.Step();
        scenario.Step(Running(RunPhase.Coalesce, "job-1"));
        scenario.Spec.Suspend = true;
        var suspended = scenario.Step();
        scenario.Spec.Suspend = false;

        var resumed = scenario.Step();

        Assert.Equal((F, ConditionReasons.Suspended), Summary(suspended.Status, ConditionTypes.Reconciling));
        Assert.Equal((T, ConditionReasons.Progressing), Summary(resumed.Status, ConditionTypes.Reconciling));
        Assert.Equal("Coalesce in progress", Conditions.Find(resumed.Status.Conditions, ConditionTypes.Reconciling)!.Message);
    }

    [Fact]
    public void Every_planned_status_carries_the_three_summary_conditions()
    {
        var scenario = new PlannerScenario { Spec = EmbeddedSpec() };
        var plans = new[] { scenario.Step(), scenario.Step(Succeeded(RunPhase.Coalesce)), scenario.Step(Failed(RunPhase.Transform, retryable: false)) };

        Assert.All(plans, plan => Assert.All(
            new[] { ConditionTypes.Ready, ConditionTypes.Reconciling, ConditionTypes.Stalled },
            type => Assert.NotNull(Conditions.Find(plan.Status.Conditions, type))));
        Assert.Equal((T, "BatchJobFailed"), Summary(plans[^1].Status, ConditionTypes.Stalled));
    }

    private static (string?, string?) Summary(KafkaReconciliationStatus status, string type) =>
        Conditions.Find(status.Conditions, type) is { } condition ? (condition.Status, condition.Reason) : (null, null);

    private static V1Condition Phase(string type, string status, string reason, string message) =>
        new() { Type = type, Status = status, Reason = reason, Message = message };

    private static string Describe(SummaryConditions summary) =>
        $"Ready={Describe(summary.Ready)}; Reconciling={Describe(summary.Reconciling)}; Stalled={Describe(summary.Stalled)}";

    private static string Describe(ConditionValue value) => $"{value.Status}/{value.Reason}/{value.Message}";
}
