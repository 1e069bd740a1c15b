using KafkaRecon.Entities;
using DuckDB.NET.Data;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Sql;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// Runs the selected report query sets on DuckDB over the run's Parquet tables (up to
/// <c>spec.query.maxConcurrentQueries</c> at once, every row kept), then writes the JSON and text reports and the
/// summary. A failing query leaves a partial report (and summary) behind and fails the phase naming it. A run whose
/// complete summary already exists succeeds at once without running anything. For an s3:// output location the
/// tables are downloaded into a <see cref="LocalWorkspace"/> first and the reports are written to S3.
/// </summary>
internal sealed class DuckDbQueryRunner(IObjectStore store, TimeProvider timeProvider) : IQueryRunner
{
    private readonly ReportSummaryReader summaries = new(store);
    private readonly ReportPublisher publisher = new(store);

    public async Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        var layout = context.Layout;
        if (await summaries.TryReadAsync(layout.Summary, cancellationToken) is { Partial: false })
        {
            return PhaseObservation.Succeeded(layout.JsonReport);
        }
        var workspace = LocalWorkspace.For(layout);
        DuckDbSettings settings;
        try
        {
            settings = DuckDbSettings.From(context.Spec.Transform, Path.Combine(workspace.Scratch, "duckdb-query"));
        }
        catch (ArgumentException exception)
        {
            return PhaseObservation.Failed(PhaseFailure.InvalidSpec, exception.Message, retryable: false);
        }
        try
        {
            return await RunOnLocalTablesAsync(context, workspace, settings, cancellationToken);
        }
        finally
        {
            LocalWorkspace.DeleteScratch(settings.TempDirectory);
            workspace.Clear();
        }
    }

    public async Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        var layout = context.Layout;
        return await summaries.TryReadAsync(layout.Summary, cancellationToken) is { } summary
            ? ReportAssembler.Observe(layout, summary)
            : PhaseObservation.Failed(PhaseFailure.QueryInterrupted,
                $"No report summary at '{layout.Summary}'; the in-process queries stopped before finishing.");
    }

    /// <summary>
    /// In-process work stops with the cancellation token of <see cref="StartAsync"/>. The local working copy of an
    /// s3:// run goes too: a process killed mid-run leaves it behind, and a run that is deleted, changed or timed out
    /// is never started again to clear it, so it would hold the temp volume until the pod goes.
    /// </summary>
    public Task CancelAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        LocalWorkspace.For(context.Layout).Clear();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs the queries over the run's complete tables on local disk: where they are for a local output location,
    /// downloaded into the workspace for an s3:// one.
    /// </summary>
    private async Task<PhaseObservation> RunOnLocalTablesAsync(
        PhaseContext context, LocalWorkspace workspace, DuckDbSettings settings, CancellationToken cancellationToken)
    {
        if (!workspace.IsTemporary)
        {
            var tables = new ResultTableFolder(context.Layout);
            return tables.IsComplete
                ? await RunAndPublishAsync(context, settings, tables, cancellationToken)
                : TablesMissing(tables.Final);
        }
        var remote = new S3ResultTables(store, context.Layout);
        var copy = new ResultTableFolder(workspace.Layout);
        try
        {
            if (!await remote.IsCompleteAsync(cancellationToken))
            {
                return TablesMissing(remote.Location);
            }
            workspace.Clear();
            await remote.DownloadAsync(copy, cancellationToken);
        }
        catch (Exception exception) when (StorageFailure.Is(exception, cancellationToken))
        {
            return PhaseObservation.Failed(PhaseFailure.TablesUnreadable,
                $"Reading the result tables from '{remote.Location}' failed: {exception.Message}");
        }
        return await RunAndPublishAsync(context, settings, copy, cancellationToken);
    }

    private static PhaseObservation TablesMissing(string location) => PhaseObservation.Failed(PhaseFailure.TablesMissing,
        $"The result tables under '{location}' are missing or incomplete; run the transform phase first.",
        retryable: false);

    private async Task<PhaseObservation> RunAndPublishAsync(
        PhaseContext context, DuckDbSettings settings, ResultTableFolder tables, CancellationToken cancellationToken)
    {
        var layout = context.Layout;
        AssembledReport assembled;
        try
        {
            assembled = await Task.Run(() => Run(context, settings, tables, cancellationToken), cancellationToken);
        }
        catch (Exception exception) when (exception is DuckDBException or FormatException
                                          && !cancellationToken.IsCancellationRequested)
        {
            return ReportAssembler.SummaryFailed($"Computing the run summary failed: {exception.Message}");
        }
        assembled = await ReportAssembler.LocateSamplesAsync(assembled, store, cancellationToken);
        try
        {
            await publisher.PublishAsync(layout, assembled.Report, assembled.Summary, cancellationToken);
        }
        catch (Exception exception) when (StorageFailure.Is(exception, cancellationToken))
        {
            return PhaseObservation.Failed(PhaseFailure.ReportWriteFailed,
                $"Writing the report under '{layout.ResultsFolder}' failed: {exception.Message}; the summary is " +
                "written last and is missing, so the next attempt runs the queries again.");
        }
        return ReportAssembler.Observe(layout, assembled);
    }

    private AssembledReport Run(
        PhaseContext context, DuckDbSettings settings, ResultTableFolder tables, CancellationToken cancellationToken)
    {
        using var session = DuckDbSession.Open(settings);
        var unreadable = DuckDbResultTables.Register(session, tables, cancellationToken);
        var parameters = ReportSql.Parameters(
            IdentifierQuoting.DoubleQuotes, table => table, context.Spec.Query.IdsPerCollection, context.Window.Start,
            context.Spec.Verification.SampleSize);
        var queries = ReportQueryCatalog.Select(context.Spec.Query.Sets);
        var outcomes = RunQueries(session, queries, parameters, Math.Max(1, context.Spec.Query.MaxConcurrentQueries),
            unreadable, cancellationToken);
        var summaryRows = new Dictionary<string, IReadOnlyList<IReadOnlyList<string?>>>();
        foreach (var path in SummaryAssembly.Queries)
        {
            try
            {
                summaryRows[path] = SummaryRows(session, ReportSql.Summary(path, parameters), cancellationToken);
            }
            catch (DuckDBException) when (SummaryAssembly.IsOptional(path) && !cancellationToken.IsCancellationRequested)
            {
                // An unreadable detail table: the report queries on it failed too, so the report says which.
            }
        }
        return ReportAssembler.Assemble(context, timeProvider.GetUtcNow(), outcomes, summaryRows);
    }

    /// <summary>A summary query's rows as text, as Athena returns them (SQL NULL stays null).</summary>
    private static IReadOnlyList<IReadOnlyList<string?>> SummaryRows(
        DuckDbSession session, string sql, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<string?>>();
        session.Query(sql, reader => rows.Add(Enumerable.Range(0, reader.FieldCount)
            .Select(column => reader.IsDBNull(column) ? null : ReportValueFormatter.Format(reader.GetValue(column)))
            .ToList()), cancellationToken);
        return rows;
    }

    private static IReadOnlyList<QueryOutcome> RunQueries(
        DuckDbSession session, IReadOnlyList<ReportQuery> queries, SqlParameters parameters, int concurrency,
        IReadOnlyDictionary<string, string> unreadable, CancellationToken cancellationToken)
    {
        var outcomes = new QueryOutcome[queries.Count];
        Parallel.For(0, queries.Count,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            index =>
            {
                using var connection = session.Fork();
                outcomes[index] = RunQuery(connection, queries[index], parameters, unreadable, cancellationToken);
            });
        return outcomes;
    }

    private static QueryOutcome RunQuery(
        DuckDbSession session, ReportQuery query, SqlParameters parameters, IReadOnlyDictionary<string, string> unreadable,
        CancellationToken cancellationToken)
    {
        try
        {
            var rows = new List<IReadOnlyList<string>>();
            var columns = session.Query(query.Render(parameters), reader => rows.Add(
                Enumerable.Range(0, reader.FieldCount)
                    .Select(column => ReportValueFormatter.Format(reader.IsDBNull(column) ? null : reader.GetValue(column)))
                    .ToList()), cancellationToken);
            return QueryOutcome.Success(query, columns, rows);
        }
        catch (Exception exception) when (exception is DuckDBException or SqlTemplateException
                                          && !cancellationToken.IsCancellationRequested)
        {
            var cause = unreadable.Select(problem => $" (result table '{problem.Key}' is unreadable: {problem.Value})");
            return QueryOutcome.Failure(query, exception.Message + string.Concat(cause));
        }
    }
}
