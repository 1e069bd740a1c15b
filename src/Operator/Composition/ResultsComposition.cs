using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Composition;

/// <summary>What <c>kafka-recon results</c> reads a finished run's records with: DuckDB over its tables.</summary>
internal static class ResultsComposition
{
    /// <exception cref="RunTablesNotFoundException">The run has no complete tables at that location.</exception>
    public static Task<IReadOnlyList<RecordSample>> ListAsync(
        IObjectStore store, RunLayout layout, SampleCategory category, CancellationToken cancellationToken) =>
        new RunRecordListing(store).ListAsync(layout, category, cancellationToken);
}
