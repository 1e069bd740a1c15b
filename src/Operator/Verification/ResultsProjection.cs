using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;

namespace KafkaRecon.Operator.Verification;

/// <summary>Projects a report summary onto the bounded status: totals and the top collections.</summary>
internal static class ResultsProjection
{
    public const int TopCollectionCount = 20;

    public static ReconciliationResults Results(ReportSummary summary) => new(summary.Totals)
    {
        ReportLocation = summary.ReportLocation,
        PartialReport = summary.Partial,
        Samples = summary.Samples,
    };

    /// <summary>Collections with any discrepancy, most missing exports first, at most 20.</summary>
    public static List<CollectionResult> TopCollections(ReportSummary summary) =>
        summary.Collections
            .Where(c => c.MissingExports > 0 || c.MissingImports > 0 || c.MismatchedTimestamps > 0)
            .OrderByDescending(c => c.MissingExports)
            .ThenByDescending(c => c.MissingImports)
            .ThenByDescending(c => c.MismatchedTimestamps)
            .ThenBy(c => c.Database, StringComparer.Ordinal)
            .ThenBy(c => c.Collection, StringComparer.Ordinal)
            .Take(TopCollectionCount)
            .Select(c => c.ToResult())
            .ToList();
}
