using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines;

/// <summary>
/// Turns the raw rows of a run's queries into its report, its summary and the Query phase's observation, the same
/// for every engine: engines only run SQL and hand over rows, so a partial report looks and ends the same
/// everywhere (<see cref="PhaseFailure.QueryFailed"/>, which the planner carries on past to verification).
/// </summary>
internal static class ReportAssembler
{
    /// <param name="outcomes">Every selected report query's outcome, in catalogue order.</param>
    /// <param name="summaryRows">Rows of each of <see cref="SummaryAssembly.Queries"/>, by its path.</param>
    /// <exception cref="FormatException">A summary query returned rows of the wrong shape.</exception>
    public static AssembledReport Assemble(
        PhaseContext context, DateTimeOffset executionTime, IReadOnlyList<QueryOutcome> outcomes,
        IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>> summaryRows)
    {
        var assembled = SummaryAssembly.From(context.RunId, context.Window, summaryRows);
        var report = new Report(context.RunId, executionTime, outcomes)
        {
            RejectedLines = assembled.RejectedLines,
            RejectedSamples = assembled.RejectedSamples,
        };
        var summary = assembled with
        {
            Partial = report.Partial,
            FailedQueries = report.Failures.Select(failure => failure.Query.Name).ToList(),
            ReportLocation = context.Layout.JsonReport,
        };
        return new AssembledReport(report, summary);
    }

    /// <summary>The report and summary with their rejected-line samples numbered (<see cref="RejectedSampleLines"/>).</summary>
    public static async Task<AssembledReport> LocateSamplesAsync(
        AssembledReport assembled, IObjectStore store, CancellationToken cancellationToken)
    {
        if (assembled.Summary.RejectedSamples.Count == 0)
        {
            return assembled;
        }
        var samples = await new RejectedSampleLines(store).LocateAsync(assembled.Summary.RejectedSamples, cancellationToken);
        return new AssembledReport(
            assembled.Report with { RejectedSamples = samples }, assembled.Summary with { RejectedSamples = samples });
    }

    /// <summary>The phase's outcome once a report was published: succeeded, or failed with a partial report.</summary>
    public static PhaseObservation Observe(RunLayout layout, AssembledReport published) =>
        Observe(layout, published.Report.Failures.Select(failure => $"'{failure.Query.Name}' ({failure.Error})").ToList());

    /// <summary>The phase's outcome from a summary published earlier (the failed queries' errors are in the report).</summary>
    public static PhaseObservation Observe(RunLayout layout, ReportSummary published) =>
        Observe(layout, published.FailedQueries.Select(name => $"'{name}'").ToList());

    /// <summary>The summary queries could not be run or read: no summary exists, so the run cannot be verified.</summary>
    public static PhaseObservation SummaryFailed(string message) => PhaseObservation.Failed(PhaseFailure.SummaryFailed, message);

    private static PhaseObservation Observe(RunLayout layout, IReadOnlyList<string> failedQueries) =>
        failedQueries.Count == 0
            ? PhaseObservation.Succeeded(layout.JsonReport)
            : PhaseObservation.Failed(PhaseFailure.QueryFailed,
                    $"Report {(failedQueries.Count == 1 ? "query" : "queries")} failed: {string.Join("; ", failedQueries)}. " +
                    $"The partial report is at '{layout.JsonReport}'.", retryable: false)
                with { OutputLocation = layout.JsonReport };
}

/// <summary>A run's report and the summary that describes it, ready to publish.</summary>
internal sealed record AssembledReport(Report Report, ReportSummary Summary);
