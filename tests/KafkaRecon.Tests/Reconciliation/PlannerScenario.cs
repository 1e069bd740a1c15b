using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Reports;

namespace KafkaRecon.Tests.Reconciliation;

/// <summary>Builds planner inputs and replays plans the way the driver does, without any I/O.</summary>
internal sealed class PlannerScenario
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 3, 30, 0, TimeSpan.Zero);

    public ResourceIdentity Resource { get; init; } = new("recon", "nightly", "uid-1");
    public long Generation { get; set; } = 1;
    public Dictionary<string, string> Annotations { get; } = new();
    public KafkaReconciliationSpec Spec { get; init; } = EmbeddedSpec();
    public KafkaReconciliationStatus? Status { get; set; }
    public DateTimeOffset Clock { get; set; } = Now;

    public static KafkaReconciliationSpec EmbeddedSpec() => new()
    {
        Engine = EngineKind.Embedded,
        Manifests = new ManifestsSpec { ImportLocation = "/data/import", ExportLocation = "/data/export" },
        Output = new OutputSpec { Location = "/data/out" },
    };

    /// <summary>Plans once and keeps the planned status, as the driver would after persisting it.</summary>
    public Plan Step(ActionResult? lastResult = null)
    {
        var plan = PhasePlanner.Plan(new PlanInput(Resource, Generation, Annotations, Spec, Status, lastResult, Clock));
        Status = plan.Status;
        return plan;
    }

    public static ActionResult.Phase Succeeded(RunPhase phase) => new(phase, PhaseObservation.Succeeded());

    public static ActionResult.Phase Running(RunPhase phase, params string[] ids) =>
        new(phase, PhaseObservation.Running(ids, TimeSpan.FromSeconds(20)));

    public static ActionResult.Phase Failed(
        RunPhase phase, PhaseFailure reason = PhaseFailure.BatchJobFailed, bool retryable = true) =>
        new(phase, PhaseObservation.Failed(reason, "job failed: exit code 1", retryable));

    public static ActionResult.Summary Summary(RunTotals totals, params string[] failedQueries) => new(new ReportSummary
    {
        RunId = "nightly-20261125",
        WindowStart = Now.AddDays(-1),
        WindowEnd = Now,
        Totals = totals,
        FailedQueries = failedQueries,
        Partial = failedQueries.Length > 0,
        ReportLocation = "/data/out/results/nightly-20261125_results.json",
        Collections =
        [
            new CollectionCounts { Database = "db1", Collection = "a.b", Imported = 10, Exported = 7, MissingExports = 3 },
            new CollectionCounts { Database = "db1", Collection = "c", Imported = 5, Exported = 5 },
        ],
    }, null);

    /// <summary>Runs Coalesce, Transform and Query to success and returns the plan that asks for the summary.</summary>
    public Plan RunUpToVerify()
    {
        var plan = Step();
        foreach (var phase in new[] { RunPhase.Coalesce, RunPhase.Transform, RunPhase.Query })
        {
            Assert.Equal(new PlannedAction.StartPhase(phase), plan.Action);
            plan = Step(Succeeded(phase));
        }
        Assert.IsType<PlannedAction.ReadSummary>(plan.Action);
        return plan;
    }
}
