using KafkaRecon.Entities;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Sql;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// Every record of one discrepancy category of a finished run, read from its published result tables (local, or
/// downloaded from S3 into a temporary workspace) with DuckDB and the very query that chose
/// <c>status.results.samples</c>, unbounded: so the samples are always the first records of this listing.
/// </summary>
internal sealed class RunRecordListing(IObjectStore store)
{
    /// <exception cref="RunTablesNotFoundException">The run has no complete tables at that location.</exception>
    public async Task<IReadOnlyList<RecordSample>> ListAsync(
        RunLayout layout, SampleCategory category, CancellationToken cancellationToken)
    {
        var workspace = LocalWorkspace.For(layout);
        try
        {
            var tables = new ResultTableFolder(workspace.Layout);
            if (workspace.IsTemporary)
            {
                var remote = new S3ResultTables(store, layout);
                if (!await remote.IsCompleteAsync(cancellationToken))
                {
                    throw new RunTablesNotFoundException(remote.Location);
                }
                workspace.Clear();
                await remote.DownloadAsync(tables, cancellationToken);
            }
            else if (!tables.IsComplete)
            {
                throw new RunTablesNotFoundException(tables.Final);
            }
            return await Task.Run(() => Query(workspace, tables, category, cancellationToken), cancellationToken);
        }
        finally
        {
            workspace.Clear();
        }
    }

    private static IReadOnlyList<RecordSample> Query(
        LocalWorkspace workspace, ResultTableFolder tables, SampleCategory category, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(workspace.Scratch, "duckdb-results-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var session = DuckDbSession.Open(DuckDbSettings.From(new TransformSpec(), scratch));
            DuckDbResultTables.Register(session, tables, cancellationToken);
            var parameters = ReportSql.Parameters(
                IdentifierQuoting.DoubleQuotes, table => table, countOfIds: 1, DateTimeOffset.UnixEpoch, sampleSize: long.MaxValue);
            var records = new List<RecordSample>();
            session.Query(ReportSql.Summary(SampleCategories.Query(category), parameters), reader => records.Add(
                RecordSampleRows.Parse(category, Enumerable.Range(0, reader.FieldCount)
                    .Select(column => reader.IsDBNull(column) ? null : ReportValueFormatter.Format(reader.GetValue(column)))
                    .ToList())), cancellationToken);
            return records;
        }
        finally
        {
            LocalWorkspace.DeleteScratch(scratch);
        }
    }
}
