using DuckDB.NET.Data;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Sql;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Embedded;

/// <summary>
/// Runs the selected report query sets on DuckDB over the run's Parquet tables (up to
/// <c>spec.query.maxConcurrentQueries</c> at once, every row kept), then writes the JSON and text reports and the
/// summary. A failing query leaves a partial report (and summary) behind and fails the phase naming it. A run whose
/// complete summary already exists succeeds at once without running anything.
/// </summary>
internal sealed class DuckDbQueryRunner(IObjectStore store, TimeProvider timeProvider) : IQueryRunner
{
    public const string QueryFailedReason = "QueryFailed";

    private readonly ReportSummaryReader summaries = new(store);
    private readonly ReportPublisher publisher = new(store);

    public async Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        var layout = context.Layout;
        if (ObjectStoreLocation.IsS3(layout.OutputLocation))
        {
            return PhaseObservation.Failed("UnsupportedLocation",
                $"spec.output.location '{layout.OutputLocation}' is on S3; the embedded engine writes to a local folder.",
                retryable: false);
        }
        if (await summaries.TryReadAsync(layout.Summary, cancellationToken) is { Partial: false })
        {
            return PhaseObservation.Succeeded(layout.JsonReport);
        }
        var tables = new ResultTableFolder(layout);
        if (!tables.IsComplete)
        {
            return PhaseObservation.Failed("TablesMissing",
                $"The result tables under '{tables.Final}' are missing or incomplete; run the transform phase first.",
                retryable: false);
        }
        DuckDbSettings settings;
        try
        {
            settings = DuckDbSettings.From(context.Spec.Transform, Path.Combine(layout.Scratch, "duckdb-query"));
        }
        catch (ArgumentException exception)
        {
            return PhaseObservation.Failed("InvalidSpec", exception.Message, retryable: false);
        }

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
        catch (IOException exception)
        {
            return PhaseObservation.Failed("ReportWriteFailed",
                $"Writing the report under '{layout.ResultsFolder}' failed: {exception.Message}");
        }
        return Observe(layout, summary);
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
