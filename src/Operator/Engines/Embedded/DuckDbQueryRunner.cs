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
    public const string QueryFailedReason = "QueryFailed";

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
            return PhaseObservation.Failed("InvalidSpec", exception.Message, retryable: false);
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
            ? Observe(layout, summary)
            : PhaseObservation.Failed("QueryInterrupted",
                $"No report summary at '{layout.Summary}'; the in-process queries stopped before finishing.");
    }

    /// <summary>In-process work stops with the cancellation token of <see cref="StartAsync"/>; nothing else runs.</summary>
    public Task CancelAsync(PhaseContext context, CancellationToken cancellationToken) => Task.CompletedTask;

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
            return PhaseObservation.Failed("TablesUnreadable",
                $"Reading the result tables from '{remote.Location}' failed: {exception.Message}");
        }
        return await RunAndPublishAsync(context, settings, copy, cancellationToken);
    }

    private static PhaseObservation TablesMissing(string location) => PhaseObservation.Failed("TablesMissing",
        $"The result tables under '{location}' are missing or incomplete; run the transform phase first.",
        retryable: false);

    private async Task<PhaseObservation> RunAndPublishAsync(
        PhaseContext context, DuckDbSettings settings, ResultTableFolder tables, CancellationToken cancellationToken)
    {
        var layout = context.Layout;
        Report report;
        ReportSummary summary;
        try
        {
            (report, summary) = await Task.Run(() => Run(context, settings, tables, cancellationToken), cancellationToken);
        }
        catch (DuckDBException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return PhaseObservation.Failed("SummaryFailed", $"Computing the run summary failed: {exception.Message}");
        }
        try
        {
            await publisher.PublishAsync(layout, report, summary, cancellationToken);
        }
        catch (Exception exception) when (StorageFailure.Is(exception, cancellationToken))
        {
            return PhaseObservation.Failed("ReportWriteFailed",
                $"Writing the report under '{layout.ResultsFolder}' failed: {exception.Message}; the summary is " +
                "written last and is missing, so the next attempt runs the queries again.");
        }
        return Observe(layout, summary);
    }

    private static PhaseObservation Observe(RunLayout layout, ReportSummary summary) => summary.Partial
        ? PhaseObservation.Failed(QueryFailedReason,
                $"Report queries failed: {string.Join(", ", summary.FailedQueries.Select(name => $"'{name}'"))}; " +
                $"the partial report is at '{layout.JsonReport}'.", retryable: false)
            with { OutputLocation = layout.JsonReport }
        : PhaseObservation.Succeeded(layout.JsonReport);

    private (Report Report, ReportSummary Summary) Run(
        PhaseContext context, DuckDbSettings settings, ResultTableFolder tables, CancellationToken cancellationToken)
    {
        using var session = DuckDbSession.Open(settings);
        var unreadable = DuckDbResultTables.Register(session, tables, cancellationToken);
        var parameters = ReportSql.Parameters(
            IdentifierQuoting.DoubleQuotes, table => table, context.Spec.Query.IdsPerCollection, context.Window.Start);
        var queries = ReportQueryCatalog.Select(context.Spec.Query.Sets);
        var outcomes = RunQueries(session, queries, parameters, Math.Max(1, context.Spec.Query.MaxConcurrentQueries),
            unreadable, cancellationToken);
        var report = new Report(context.RunId, timeProvider.GetUtcNow(), outcomes);
        var summary = DuckDbSummaryQueries.Build(session, parameters, context, cancellationToken) with
        {
            Partial = report.Partial,
            FailedQueries = report.Failures.Select(failure => failure.Query.Name).ToList(),
            ReportLocation = context.Layout.JsonReport,
        };
        return (report, summary);
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
