using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Reconciliation;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Sql;
using KafkaRecon.Tests.Reconciliation;

namespace KafkaRecon.Tests.Engines;

public sealed class ReportAssemblerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private static readonly ReportQuery Totals = ReportQueryCatalog.Select([QuerySet.Main])[0];
    private static readonly ReportQuery Ids = ReportQueryCatalog.Select([QuerySet.Main])[1];

    [Fact]
    public void Summary_rows_become_totals_collections_and_missing_lists()
    {
        var assembled = ReportAssembler.Assemble(Context(), Start, [Success(Totals)], Rows());

        Assert.Equal(
            (10L, 9L, 1L, 0L, 3L, 2L, 1L, 1L, 1L),
            (assembled.Summary.Totals.Imported, assembled.Summary.Totals.Exported, assembled.Summary.Totals.MissingExports,
                assembled.Summary.Totals.MissingImports, assembled.Summary.Totals.MismatchedTimestamps,
                assembled.Summary.Totals.MismatchedEarlierInImport, assembled.Summary.Totals.MismatchedEarlierInExport,
                assembled.Summary.Totals.MissingCollections, assembled.Summary.Totals.MissingDatabases));
        Assert.Equal(["db1.orders"], assembled.Summary.Collections.Select(c => $"{c.Database}.{c.Collection}"));
        Assert.Equal((3L, 0L), (assembled.Summary.Totals.DuplicateImports, assembled.Summary.Totals.DuplicateExports));
        Assert.Equal((3L, 0L), (assembled.Summary.Collections[0].DuplicateImports, assembled.Summary.Collections[0].DuplicateExports));
        Assert.False(assembled.Summary.Partial);
        Assert.Equal(Context().Layout.JsonReport, assembled.Summary.ReportLocation);
        Assert.Equal(ObservedState.Succeeded, ReportAssembler.Observe(Context().Layout, assembled).State);
    }

    [Fact]
    public void A_failed_report_query_gives_a_partial_summary_and_the_one_partial_report_failure()
    {
        var assembled = ReportAssembler.Assemble(
            Context(), Start, [Success(Totals), QueryOutcome.Failure(Ids, "COLUMN_NOT_FOUND: x")], Rows());

        var observation = ReportAssembler.Observe(Context().Layout, assembled);

        Assert.True(assembled.Summary.Partial);
        Assert.Equal([Ids.Name], assembled.Summary.FailedQueries);
        Assert.Equal(PhaseFailure.QueryFailed, observation.Failure);
        Assert.False(observation.Retryable);
        Assert.Contains($"'{Ids.Name}' (COLUMN_NOT_FOUND: x)", observation.Message);
        Assert.Equal(Context().Layout.JsonReport, observation.OutputLocation);
        Assert.Equal(observation.Failure, ReportAssembler.Observe(Context().Layout, assembled.Summary).Failure);
    }

    [Fact]
    public void The_planner_verifies_the_partial_summary_after_the_assembled_partial_report_failure()
    {
        var assembled = ReportAssembler.Assemble(Context(), Start, [QueryOutcome.Failure(Ids, "FAILED: x")], Rows());
        var scenario = new PlannerScenario();
        scenario.Spec.Retries.Query = 0;
        scenario.Step();
        scenario.Step(PlannerScenario.Succeeded(RunPhase.Coalesce));
        scenario.Step(PlannerScenario.Succeeded(RunPhase.Transform));

        var plan = scenario.Step(new ActionResult.Phase(RunPhase.Query, ReportAssembler.Observe(Context().Layout, assembled)));

        Assert.IsType<PlannedAction.ReadSummary>(plan.Action);
        Assert.NotEqual(ReconciliationPhase.Failed, plan.Status.Phase);
    }

    [Fact]
    public void A_total_that_is_not_an_integer_is_a_format_error_naming_the_query()
    {
        var rows = Rows(totals: ["ten", "9", "1", "0", "2", "1", "0", "0"]);

        var error = Assert.Throws<FormatException>(() => ReportAssembler.Assemble(Context(), Start, [], rows));

        Assert.Contains(ReportSql.SummaryTotals, error.Message);
        Assert.Contains("'ten'", error.Message);
    }

    [Fact]
    public void A_summary_without_its_totals_row_is_a_format_error()
    {
        var rows = new Dictionary<string, IReadOnlyList<IReadOnlyList<string?>>>(Rows())
        {
            [ReportSql.SummaryTotals] = [],
        };

        var error = Assert.Throws<FormatException>(() => ReportAssembler.Assemble(Context(), Start, [], rows));

        Assert.Contains(ReportSql.SummaryTotals, error.Message);
    }

    private static QueryOutcome Success(ReportQuery query) => QueryOutcome.Success(query, ["n"], [["1"]]);

    private static Dictionary<string, IReadOnlyList<IReadOnlyList<string?>>> Rows(IReadOnlyList<string?>? totals = null) => new()
    {
        [ReportSql.SummaryTotals] = [totals ?? ["10", "9", "1", "0", "2", "1", "3", "0"]],
        [ReportSql.SummaryCollections] = [["db1", "orders", "10", "9", "1", "0", "2", "1", "3", "0"]],
        [ReportSql.SummaryMissingCollections] = [["db1", "users"]],
        [ReportSql.SummaryMissingDatabases] = [["db2"]],
        [ReportSql.SummaryRejectedLines] = [["import", "bad_timestamp", "2"], ["export", "empty_id", "1"]],
        [ReportSql.SummaryRejectedSamples] = [["import", "bad_timestamp", "f.txt", "a|abc|db|coll|s|c|a|t"]],
    };

    private static PhaseContext Context() => new(
        new ResourceIdentity("default", "nightly", "uid-1"), "nightly-20261124",
        new ResolvedWindow { Start = Start, End = Start.AddDays(1), MarginMinutes = 60 },
        new KafkaReconciliationSpec { Output = new OutputSpec { Location = "/tmp/recon-out" } }, 1, "key", []);
}
