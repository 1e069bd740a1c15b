using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;

namespace KafkaRecon.Operator.Metrics;

/// <summary>The numbers of one finished run that the per-resource gauges show, from status or from a summary.</summary>
internal sealed record RunSnapshot(
    long Imported,
    long Exported,
    long MissingExports,
    long MissingImports,
    long MismatchedTimestamps,
    long MissingCollections,
    long MissingDatabases,
    IReadOnlyList<CollectionSnapshot> Collections)
{
    public static RunSnapshot Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, []);

    public static RunSnapshot From(KafkaReconciliationStatus status)
    {
        var results = status.Results;
        if (results is null)
        {
            return Empty;
        }
        var collections = status.TopCollections
            .Select(c => new CollectionSnapshot(c.Database, c.Collection, c.MissingExports, c.MissingImports))
            .ToList();
        return new RunSnapshot(
            results.Imported, results.Exported, results.MissingExports, results.MissingImports,
            results.MismatchedTimestamps, results.MissingCollections, results.MissingDatabases, collections);
    }

    public static RunSnapshot From(ReportSummary summary)
    {
        var totals = summary.Totals;
        var collections = summary.Collections
            .Select(c => new CollectionSnapshot(c.Database, c.Collection, c.MissingExports, c.MissingImports))
            .ToList();
        return new RunSnapshot(
            totals.Imported, totals.Exported, totals.MissingExports, totals.MissingImports,
            totals.MismatchedTimestamps, totals.MissingCollections, totals.MissingDatabases, collections);
    }
}
