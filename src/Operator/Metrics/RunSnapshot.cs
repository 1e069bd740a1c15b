using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;

namespace KafkaRecon.Operator.Metrics;

/// <summary>The numbers of one finished run that the per-resource gauges show, from status or from a summary.</summary>
internal sealed record RunSnapshot(RunTotals Totals, IReadOnlyList<CollectionResult> Collections, RunCost? Cost = null)
{
    public static RunSnapshot Empty { get; } = new(new RunTotals(), []);

    public static RunSnapshot From(KafkaReconciliationStatus status) =>
        status.Results is { } results
            ? new RunSnapshot(results, status.TopCollections.ToList(), status.Cost)
            : Empty with { Cost = status.Cost };

    public static RunSnapshot From(ReportSummary summary) =>
        new(summary.Totals, summary.Collections.Select(c => c.ToResult()).ToList());
}
