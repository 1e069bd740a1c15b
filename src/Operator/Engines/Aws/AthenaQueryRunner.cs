using System.Globalization;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// Runs the report queries on Athena: creates this run's four external tables over its Parquet folders, runs the
/// selected queries (at most <c>spec.query.maxConcurrentQueries</c> at once), reads every result page and writes
/// the reports. Every statement carries a ClientRequestToken derived from the idempotency key, and started
/// executions are recorded as external ids, so nothing is submitted twice. Each poll moves the work one step on.
/// </summary>
internal sealed class AthenaQueryRunner(AthenaClient athena, IReportQueryCatalog catalog, IReportWriter writer)
    : IQueryRunner
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    public Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken) =>
        PollAsync(context, cancellationToken);

    public async Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        if (Validate(context) is { } invalid)
        {
            return invalid;
        }
        var statements = new AthenaStatements(context.ExternalIds);
        try
        {
            var tables = await EnsureTablesAsync(context, statements, cancellationToken);
            if (tables is not null)
            {
                return tables;
            }
            return await RunQueriesAsync(context, statements, cancellationToken);
        }
        catch (AwsServiceException e)
        {
            return AwsObservations.FromError(e, "Running report queries on Athena", statements.ExternalIds);
        }
    }

    public async Task CancelAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        foreach (var id in new AthenaStatements(context.ExternalIds).ExecutionIds)
        {
            var execution = await athena.GetQueryExecutionAsync(id, cancellationToken);
            if (!AthenaQueryState.IsTerminal(execution.Status.State))
            {
                await athena.StopQueryExecutionAsync(id, cancellationToken);
            }
        }
    }

    /// <summary>Null once all four tables exist; otherwise what to report meanwhile.</summary>
    private async Task<PhaseObservation?> EnsureTablesAsync(
        PhaseContext context, AthenaStatements statements, CancellationToken cancellationToken)
    {
        var database = context.Spec.Query.Database!;
        var pending = false;
        foreach (var table in RunLayout.Tables)
        {
            var statement = AthenaStatements.Ddl(table);
            var id = statements.ExecutionOf(statement);
            if (id is null)
            {
                var ddl = AthenaTableDefinitions.CreateStatement(
                    database, table, context.RunId, GlueArguments.TablesFolder(context.Layout) + "/" + table);
                statements.Add(statement, await StartAsync(context, statement, ddl, cancellationToken));
                pending = true;
                continue;
            }
            var execution = await athena.GetQueryExecutionAsync(id, cancellationToken);
            switch (execution.Status.State)
            {
                case AthenaQueryState.Succeeded:
                    break;
                case AthenaQueryState.Failed or AthenaQueryState.Cancelled:
                    return PhaseObservation.Failed(
                        "AthenaTableCreationFailed",
                        $"Creating Athena table for '{table}' ({id}) ended {execution.Status.State}: " +
                        (execution.Status.StateChangeReason ?? "no reason given")) with
                        { ExternalIds = statements.ExternalIds };
                default:
                    pending = true;
                    break;
            }
        }
        return pending ? PhaseObservation.Running(statements.ExternalIds, PollInterval) : null;
    }

    private async Task<PhaseObservation> RunQueriesAsync(
        PhaseContext context, AthenaStatements statements, CancellationToken cancellationToken)
    {
        var queries = catalog.Select(context.Spec.Query).OrderBy(q => q.Order).ToList();
        var states = new Dictionary<int, QueryExecutionStatus>();
        for (var index = 0; index < queries.Count; index++)
        {
            if (statements.ExecutionOf(AthenaStatements.Query(index)) is { } id)
            {
                states[index] = (await athena.GetQueryExecutionAsync(id, cancellationToken)).Status;
            }
        }
        var running = states.Values.Count(s => !AthenaQueryState.IsTerminal(s.State));
        for (var index = 0; index < queries.Count && running < context.Spec.Query.MaxConcurrentQueries; index++)
        {
            var statement = AthenaStatements.Query(index);
            if (statements.ExecutionOf(statement) is null)
            {
                var sql = SqlPlaceholders.Render(queries[index].SqlTemplate, Placeholders(context));
                statements.Add(statement, await StartAsync(context, statement, sql, cancellationToken));
                running++;
            }
        }
        var finished = states.Count == queries.Count && states.Values.All(s => AthenaQueryState.IsTerminal(s.State));
        if (!finished)
        {
            return PhaseObservation.Running(statements.ExternalIds, PollInterval);
        }
        return await ReportAsync(context, statements, queries, states, cancellationToken);
    }

    private async Task<PhaseObservation> ReportAsync(
        PhaseContext context, AthenaStatements statements, IReadOnlyList<ReportQuery> queries,
        IReadOnlyDictionary<int, QueryExecutionStatus> states, CancellationToken cancellationToken)
    {
        var outcomes = new List<ReportQueryOutcome>();
        for (var index = 0; index < queries.Count; index++)
        {
            var status = states[index];
            if (status.State == AthenaQueryState.Succeeded)
            {
                var id = statements.ExecutionOf(AthenaStatements.Query(index))!;
                var table = await athena.GetAllQueryResultsAsync(id, cancellationToken);
                outcomes.Add(new ReportQueryOutcome(queries[index], table.Columns, table.Rows, null));
            }
            else
            {
                outcomes.Add(new ReportQueryOutcome(
                    queries[index], [], [], $"{status.State}: {status.StateChangeReason ?? "no reason given"}"));
            }
        }
        var summary = await writer.WriteAsync(context, outcomes, cancellationToken);
        var failed = outcomes.Where(o => o.Failed).ToList();
        if (failed.Count == 0)
        {
            return PhaseObservation.Succeeded(summary.ReportLocation ?? context.Layout.JsonReport, statements.ExternalIds);
        }
        return PhaseObservation.Failed(
            "ReportQueryFailed",
            $"Report {(failed.Count == 1 ? "query" : "queries")} " +
            string.Join("; ", failed.Select(f => $"'{f.Query.Name}' {f.Error}")) +
            $". The partial report is at {context.Layout.JsonReport}.") with
            {
                ExternalIds = statements.ExternalIds,
                OutputLocation = context.Layout.JsonReport,
            };
    }

    private Task<string> StartAsync(PhaseContext context, string statement, string sql, CancellationToken cancellationToken)
    {
        var query = context.Spec.Query;
        return athena.StartQueryExecutionAsync(
            new StartQueryExecutionRequest(
                sql,
                AwsNames.AthenaToken(context.IdempotencyKey, statement),
                string.IsNullOrWhiteSpace(query.Workgroup) ? null : query.Workgroup,
                new QueryExecutionContext(query.Database),
                new ResultConfiguration(ResultsLocation(context))),
            cancellationToken);
    }

    private static Dictionary<string, string> Placeholders(PhaseContext context)
    {
        var database = AthenaIdentifier.QuoteQuery(context.Spec.Query.Database!, "spec.query.database");
        var values = RunLayout.Tables.ToDictionary(
            t => t,
            t => $"{database}.{AthenaIdentifier.QuoteQuery(AthenaTableDefinitions.TableName(t, context.RunId), "table name")}");
        values["ids_per_collection"] = context.Spec.Query.IdsPerCollection.ToString(CultureInfo.InvariantCulture);
        return values;
    }

    private static string ResultsLocation(PhaseContext context) =>
        (context.Spec.Query.OutputLocation ?? RunLayout.Join(context.Layout.Scratch, "athena")).TrimEnd('/') + "/";

    private static PhaseObservation? Validate(PhaseContext context)
    {
        var query = context.Spec.Query;
        if (string.IsNullOrWhiteSpace(query.Database))
        {
            return AwsObservations.MissingSetting("spec.query.database", "the Glue catalog database of the result tables");
        }
        try
        {
            AthenaIdentifier.Validate(query.Database, "spec.query.database");
            AthenaTableDefinitions.TableName(RunLayout.CountsTable, context.RunId);
        }
        catch (ArgumentException e)
        {
            return PhaseObservation.Failed("InvalidSpec", e.Message, retryable: false);
        }
        foreach (var (field, location) in new[]
                 {
                     ("spec.output.location", context.Spec.Output.Location),
                     ("spec.query.outputLocation", query.OutputLocation ?? context.Spec.Output.Location),
                 })
        {
            if (!ObjectStoreLocation.IsS3(location) || location.Contains('\''))
            {
                return PhaseObservation.Failed(
                    "InvalidSpec", $"{field} is '{location}'; Athena needs an s3://bucket/prefix location.",
                    retryable: false);
            }
        }
        return null;
    }
}
