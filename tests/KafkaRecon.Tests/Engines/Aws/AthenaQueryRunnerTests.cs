using System.Text.Json;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Aws;

namespace KafkaRecon.Tests.Engines.Aws;

[Collection(MotoCollection.Name)]
public sealed class AthenaQueryRunnerTests(MotoServer moto) : IAsyncLifetime
{
    private static readonly IReadOnlyList<string> CountColumns =
    [
        "database", "collection", "imported_count", "exported_count", "missing_exported_count",
        "missing_imported_count", "mismatched_timestamps_earlier_in_import_count",
        "mismatched_timestamps_earlier_in_export_count",
    ];

    public Task InitializeAsync() => moto.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Tables_are_created_queries_run_and_the_summary_is_written_to_s3()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        await InjectAsync(missingExportRows: [["db1", "orders", "id-7"]]);
        var context = Context(bucket);
        var runner = Runner(clients);

        var final = await PollUntilFinishedAsync(runner, context);
        var summary = await ReadSummaryAsync(clients, context);

        Assert.Equal(ObservedState.Succeeded, final.State);
        Assert.Equal(context.Layout.JsonReport, final.OutputLocation);
        Assert.Equal(6, final.ExternalIds.Count);
        Assert.False(summary.Partial);
        Assert.Equal(10, summary.Totals.Imported);
        Assert.Equal(9, summary.Totals.Exported);
        Assert.Equal(1, summary.Totals.MissingExports);
        var store = new S3ObjectStore(clients.S3);
        Assert.True(await store.ExistsAsync(context.Layout.TextReport, CancellationToken.None));
        Assert.Contains("id-7", await ReadAsync(store, context.Layout.JsonReport));
    }

    [Fact]
    public async Task Restarted_runner_continues_from_recorded_executions_without_resubmitting()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        await InjectAsync(missingExportRows: []);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var proxied = moto.Clients(proxy.Endpoint);
        var context = Context(bucket);

        var first = await Runner(proxied).StartAsync(context, CancellationToken.None);
        var final = await PollUntilFinishedAsync(Runner(proxied), context with { ExternalIds = first.ExternalIds });

        Assert.Equal(4, first.ExternalIds.Count);
        Assert.Equal(ObservedState.Succeeded, final.State);
        Assert.Equal(6, proxy.Count("StartQueryExecution"));
    }

    [Fact]
    public async Task Statements_carry_tokens_that_replay_identically_for_the_same_key()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var proxied = moto.Clients(proxy.Endpoint);
        var context = Context(bucket);

        // A crash before status recorded the executions: the restarted runner submits again with the same tokens,
        // which Athena answers with the original executions (moto does not emulate the replay, so only the tokens
        // are asserted here).
        await Runner(proxied).StartAsync(context, CancellationToken.None);
        await Runner(proxied).StartAsync(context, CancellationToken.None);
        var tokens = proxy.Requests.Where(r => r.Operation == "StartQueryExecution")
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("ClientRequestToken").GetString()!)
            .ToList();

        Assert.Equal(8, tokens.Count);
        Assert.Equal(tokens[..4], tokens[4..]);
        Assert.Equal(4, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.InRange(t.Length, 32, 128));
    }

    [Fact]
    public async Task Failed_query_writes_a_partial_report_and_fails_naming_the_query()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        await InjectAsync(missingExportRows: null);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        // moto does not execute SQL, so it cannot fail a query; the proxy plays Athena for that one query.
        proxy.Answer(r => r.Operation == "StartQueryExecution" && r.Body.Contains("FROM \\u0022"), r =>
            r.Body.Contains("missing_exports_") ? """{"QueryExecutionId": "failing-query"}""" : null);
        proxy.Answer(r => r.Operation == "GetQueryExecution" && r.Body.Contains("failing-query"), _ => """
            {"QueryExecution": {"QueryExecutionId": "failing-query", "Query": "SELECT",
             "Status": {"State": "FAILED", "StateChangeReason": "COLUMN_NOT_FOUND: line 1:8: Column 'id' cannot be resolved"}}}
            """);
        using var proxied = moto.Clients(proxy.Endpoint);
        var context = Context(bucket);

        var final = await PollUntilFinishedAsync(Runner(proxied), context);
        var summary = await ReadSummaryAsync(clients, context);

        Assert.Equal(ObservedState.Failed, final.State);
        Assert.Equal("ReportQueryFailed", final.Reason);
        Assert.Contains("'Missing exports'", final.Message);
        Assert.Contains("COLUMN_NOT_FOUND", final.Message);
        Assert.True(summary.Partial);
        Assert.Equal([PlaceholderReportQueryCatalog.MissingExports], summary.FailedQueries);
        Assert.Equal(10, summary.Totals.Imported);
    }

    [Fact]
    public async Task Queries_beyond_the_concurrency_limit_wait_for_a_free_slot()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        await moto.SetManualTransitionAsync("athena::execution", 3);
        try
        {
            var context = Context(bucket);
            context.Spec.Query.MaxConcurrentQueries = 1;
            var runner = Runner(clients);
            var observation = await runner.StartAsync(context, CancellationToken.None);
            var maxQueriesInFlight = 0;
            for (var i = 0; i < 40 && observation.State == ObservedState.Running; i++)
            {
                observation = await runner.PollAsync(context with { ExternalIds = observation.ExternalIds }, CancellationToken.None);
                var started = observation.ExternalIds.Where(id => id.StartsWith("query:", StringComparison.Ordinal)).ToList();
                var inFlight = 0;
                foreach (var entry in started)
                {
                    var state = (await clients.Athena.GetQueryExecutionAsync(entry[(entry.IndexOf('=') + 1)..], CancellationToken.None)).Status.State;
                    inFlight += AthenaQueryState.IsTerminal(state) ? 0 : 1;
                }
                maxQueriesInFlight = Math.Max(maxQueriesInFlight, inFlight);
            }

            Assert.Equal(ObservedState.Succeeded, observation.State);
            Assert.Equal(1, maxQueriesInFlight);
        }
        finally
        {
            await moto.UnsetTransitionAsync("athena::execution");
        }
    }

    [Theory]
    [InlineData("Manifest-ETL")]
    [InlineData("etl; DROP TABLE x")]
    public async Task Invalid_database_name_fails_at_once_naming_the_field(string database)
    {
        using var clients = moto.Clients();
        var context = Context("bucket");
        context.Spec.Query.Database = database;

        var observation = await Runner(clients).StartAsync(context, CancellationToken.None);

        Assert.Equal(ObservedState.Failed, observation.State);
        Assert.False(observation.Retryable);
        Assert.Contains("spec.query.database", observation.Message);
    }

    [Fact]
    public void Table_statement_quotes_identifiers_and_points_at_the_run_folder()
    {
        var ddl = AthenaTableDefinitions.CreateStatement(
            "manifestetl", RunLayout.CountsTable, "nightly-2026.11.25", "s3://b/out/runs/r/tables/counts");

        Assert.StartsWith("CREATE EXTERNAL TABLE IF NOT EXISTS `manifestetl`.`counts_nightly_2026_11_25` (", ddl);
        Assert.Contains("`database` string", ddl);
        Assert.Contains("LOCATION 's3://b/out/runs/r/tables/counts/'", ddl);
    }

    private static AthenaQueryRunner Runner(AwsClients clients) =>
        new(clients.Athena, new PlaceholderReportQueryCatalog(), new PlaceholderReportWriter(new S3ObjectStore(clients.S3)));

    private static PhaseContext Context(string bucket)
    {
        var spec = AwsPhaseContexts.Spec(bucket);
        spec.Query.Database = "manifestetl";
        return AwsPhaseContexts.Create(spec, "query");
    }

    /// <summary>moto hands injected results out in execution order: four DDL statements, then the two queries.</summary>
    private Task InjectAsync(IReadOnlyList<IReadOnlyList<string?>>? missingExportRows)
    {
        var empty = ((IReadOnlyList<string>)[], (IReadOnlyList<IReadOnlyList<string?>>)[]);
        var results = new List<(IReadOnlyList<string>, IReadOnlyList<IReadOnlyList<string?>>)> { empty, empty, empty, empty };
        results.Add((CountColumns, [["db1", "orders", "6", "5", "1", "0", "0", "0"], ["db1", "users", "4", "4", "0", "0", "0", "0"]]));
        if (missingExportRows is not null)
        {
            results.Add((["database", "collection", "id"], missingExportRows));
        }
        return MotoAthena.InjectManyAsync(moto, results);
    }

    private static async Task<PhaseObservation> PollUntilFinishedAsync(AthenaQueryRunner runner, PhaseContext context)
    {
        var observation = await runner.StartAsync(context, CancellationToken.None);
        for (var i = 0; i < 20 && observation.State == ObservedState.Running; i++)
        {
            observation = await runner.PollAsync(context with { ExternalIds = observation.ExternalIds }, CancellationToken.None);
        }
        return observation;
    }

    private static async Task<ReportSummary> ReadSummaryAsync(AwsClients clients, PhaseContext context)
    {
        var json = await ReadAsync(new S3ObjectStore(clients.S3), context.Layout.Summary);
        return JsonSerializer.Deserialize<ReportSummary>(json)!;
    }

    private static async Task<string> ReadAsync(IObjectStore store, string location)
    {
        await using var stream = await store.OpenReadAsync(location, CancellationToken.None);
        return await new StreamReader(stream).ReadToEndAsync();
    }
}
