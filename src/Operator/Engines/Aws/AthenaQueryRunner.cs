using KafkaRecon.Entities;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Sql;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Operator.Engines.Aws;

/// <summary>
/// Runs the report queries on Athena: creates this run's four external tables over its Parquet folders, runs the
/// selected queries (at most <c>spec.query.maxConcurrentQueries</c> at once), reads every result page and writes
/// the JSON and text reports and the summary with the same SQL and writers as the embedded engine. Every statement carries a ClientRequestToken derived from the idempotency key, and started
/// executions are recorded as external ids, so nothing is submitted twice. Each poll moves the work one step on.
/// </summary>
internal sealed class AthenaQueryRunner(AthenaClient athena, IObjectStore store, TimeProvider timeProvider)
    : IQueryRunner
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private readonly ReportSummaryReader summaries = new(store);
    private readonly ReportPublisher publisher = new(store);

    public Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken) =>
        PollAsync(context, cancellationToken);

    public async Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        var statements = new AthenaStatements(context.ExternalIds);
        try
        {
            // A restart after the reports were published finishes at once, submitting nothing.
            if (await summaries.TryReadAsync(context.Layout.Summary, cancellationToken) is { Partial: false })
            {
                return PhaseObservation.Succeeded(context.Layout.JsonReport, statements.ExternalIds) with
                    { Cost = await CostAsync(statements, cancellationToken) };
            }
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
        catch (AwsConfigurationException e)
        {
            return AwsObservations.NotConfigured(e, "Running report queries on Athena", statements.ExternalIds);
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
                        PhaseFailure.AthenaTableCreationFailed,
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
        var parameters = Parameters(context);
        var queries = ReportQueryCatalog.Select(context.Spec.Query.Sets);
        var work = queries
            .Select((query, index) => (Statement: AthenaStatements.Query(index), Sql: (Func<string>)(() => query.Render(parameters))))
            .Concat(SummaryAssembly.Queries.Select(path =>
                (Statement: AthenaStatements.Summary(path), Sql: (Func<string>)(() => ReportSql.Summary(path, parameters)))))
            .ToList();
        var executions = new Dictionary<string, QueryExecution>();
        foreach (var (statement, _) in work)
        {
            if (statements.ExecutionOf(statement) is { } id)
            {
                executions[statement] = await athena.GetQueryExecutionAsync(id, cancellationToken);
            }
        }
        var states = executions.ToDictionary(e => e.Key, e => e.Value.Status);
        var running = states.Values.Count(s => !AthenaQueryState.IsTerminal(s.State));
        foreach (var (statement, sql) in work)
        {
            if (running >= Math.Max(1, context.Spec.Query.MaxConcurrentQueries))
            {
                break;
            }
            if (statements.ExecutionOf(statement) is null)
            {
                statements.Add(statement, await StartAsync(context, statement, sql(), cancellationToken));
                running++;
            }
        }
        var finished = states.Count == work.Count && states.Values.All(s => AthenaQueryState.IsTerminal(s.State));
        if (!finished)
        {
            return PhaseObservation.Running(statements.ExternalIds, PollInterval);
        }
        var cost = AwsCost.Athena(executions.Values);
        return await ReportAsync(context, statements, queries, states, cancellationToken) with { Cost = cost };
    }

    private async Task<PhaseObservation> ReportAsync(
        PhaseContext context, AthenaStatements statements, IReadOnlyList<ReportQuery> queries,
        IReadOnlyDictionary<string, QueryExecutionStatus> states, CancellationToken cancellationToken)
    {
        var outcomes = new List<QueryOutcome>();
        for (var index = 0; index < queries.Count; index++)
        {
            var statement = AthenaStatements.Query(index);
            var status = states[statement];
            if (status.State == AthenaQueryState.Succeeded)
            {
                var table = await athena.GetAllQueryResultsAsync(statements.ExecutionOf(statement)!, cancellationToken);
                outcomes.Add(QueryOutcome.Success(queries[index], table.Columns, table.Rows
                    .Select(row => (IReadOnlyList<string>)row.Select(value => value ?? ReportValueFormatter.Null).ToList())
                    .ToList()));
            }
            else
            {
                outcomes.Add(QueryOutcome.Failure(
                    queries[index], $"{status.State}: {status.StateChangeReason ?? "no reason given"}"));
            }
        }
        var summaryRows = new Dictionary<string, IReadOnlyList<IReadOnlyList<string?>>>();
        foreach (var path in SummaryAssembly.Queries)
        {
            var statement = AthenaStatements.Summary(path);
            var status = states[statement];
            if (status.State != AthenaQueryState.Succeeded && SummaryAssembly.IsOptional(path))
            {
                continue; // samples only; the report queries on the same table failed and name it
            }
            if (status.State != AthenaQueryState.Succeeded)
            {
                return ReportAssembler.SummaryFailed(
                    $"The summary query {path} ({statements.ExecutionOf(statement)}) ended {status.State}: " +
                    (status.StateChangeReason ?? "no reason given")) with { ExternalIds = statements.ExternalIds };
            }
            summaryRows[path] = (await athena.GetAllQueryResultsAsync(statements.ExecutionOf(statement)!, cancellationToken)).Rows;
        }
        AssembledReport assembled;
        try
        {
            assembled = ReportAssembler.Assemble(context, timeProvider.GetUtcNow(), outcomes, summaryRows);
        }
        catch (FormatException e)
        {
            return ReportAssembler.SummaryFailed(e.Message) with { ExternalIds = statements.ExternalIds };
        }
        assembled = await ReportAssembler.LocateSamplesAsync(assembled, store, cancellationToken);
        await publisher.PublishAsync(context.Layout, assembled.Report, assembled.Summary, cancellationToken);
        return ReportAssembler.Observe(context.Layout, assembled) with { ExternalIds = statements.ExternalIds };
    }

    /// <summary>The bytes scanned by every statement the phase started (its tables' DDL scans none).</summary>
    private async Task<RunCost> CostAsync(AthenaStatements statements, CancellationToken cancellationToken)
    {
        var executions = new List<QueryExecution>();
        foreach (var id in statements.ExecutionIds)
        {
            executions.Add(await athena.GetQueryExecutionAsync(id, cancellationToken));
        }
        return AwsCost.Athena(executions);
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

    /// <summary>The shared SQL's parameters: this run's tables, database-qualified and double-quoted for Athena DML.</summary>
    private static SqlParameters Parameters(PhaseContext context) =>
        ReportSql.Parameters(
            IdentifierQuoting.DoubleQuotes,
            table => $"{context.Spec.Query.Database}.{AthenaTableDefinitions.TableName(table, context.RunId)}",
            context.Spec.Query.IdsPerCollection,
            context.Window.Start,
            context.Spec.Verification.SampleSize);

    private static string ResultsLocation(PhaseContext context) =>
        (context.Spec.Query.OutputLocation ?? RunLayout.Join(context.Layout.Scratch, "athena")).TrimEnd('/') + "/";
}
