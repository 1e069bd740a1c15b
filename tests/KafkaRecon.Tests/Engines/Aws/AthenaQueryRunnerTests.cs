using KafkaRecon.Entities;
using System.Text.Json;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Aws;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Aws;

namespace KafkaRecon.Tests.Engines.Aws;

[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class AthenaQueryRunnerTests(MotoServer moto) : IAsyncLifetime
{
    private static readonly IReadOnlyList<string> IdCountColumns =
        ["database", "collection", "imported_count", "missing_exported_count", "percentage_missing"];

    /// <summary>Five DDL statements, eight main-set report queries and nine summary queries.</summary>
    private const int StatementCount = 22;

    public Task InitializeAsync() => moto.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Tables_are_created_queries_run_and_the_summary_is_written_to_s3()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        await InjectAsync(idCountRows: [["db1", "orders", "6", "1", "17"]]);
        var context = Context(bucket);
        var runner = Runner(clients);

        var final = await PollUntilFinishedAsync(runner, context);
        var summary = await ReadSummaryAsync(clients, context);

        Assert.Equal(ObservedState.Succeeded, final.State);
        Assert.Equal(context.Layout.JsonReport, final.OutputLocation);
        Assert.Equal(StatementCount, final.ExternalIds.Count);
        Assert.Equal(0L, final.Cost?.AthenaBytesScanned); // moto scans nothing; the figure is there
        Assert.False(summary.Partial);
        Assert.Equal(10, summary.Totals.Imported);
        Assert.Equal(9, summary.Totals.Exported);
        Assert.Equal(1, summary.Totals.MissingExports);
        Assert.Equal(["db1.orders", "db1.users"], summary.Collections.Select(c => $"{c.Database}.{c.Collection}"));
        Assert.Equal(
            [new RecordSample { Database = "db1", Collection = "orders", Id = "id-7", ImportTimestamp = 1709251200000 }],
            summary.Samples.MissingExports);
        Assert.Empty(summary.Samples.MismatchedTimestamps);
        var store = new S3ObjectStore(clients.S3);
        Assert.Contains("Missing exported id counts", await ReadAsync(store, context.Layout.TextReport));
        using var report = JsonDocument.Parse(await ReadAsync(store, context.Layout.JsonReport));
        var idCounts = report.RootElement.GetProperty("query_results").EnumerateArray()
            .Single(r => r.GetProperty("query_details").GetProperty("query_name").GetString() == "Missing exported id counts");
        Assert.Contains("\"17\"", idCounts.GetRawText());
    }

    [Fact]
    public async Task Restarted_runner_continues_from_recorded_executions_without_resubmitting()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        await InjectAsync(idCountRows: []);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var proxied = moto.Clients(proxy.Endpoint);
        var context = Context(bucket);

        var first = await Runner(proxied).StartAsync(context, CancellationToken.None);
        var final = await PollUntilFinishedAsync(Runner(proxied), context with { ExternalIds = first.ExternalIds });

        Assert.Equal(RunLayout.Tables.Count, first.ExternalIds.Count);
        Assert.Equal(ObservedState.Succeeded, final.State);
        Assert.Equal(StatementCount, proxy.Count("StartQueryExecution"));
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

        var ddl = RunLayout.Tables.Count;
        Assert.Equal(2 * ddl, tokens.Count);
        Assert.Equal(tokens[..ddl], tokens[ddl..]);
        Assert.Equal(ddl, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.InRange(t.Length, 32, 128));
    }

    [Fact]
    public async Task Failed_query_writes_a_partial_report_and_fails_naming_the_query()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        await InjectAsync(idCountRows: null);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        // moto does not execute SQL, so it cannot fail a query; the proxy plays Athena for that one query.
        proxy.Answer(r => r.Operation == "StartQueryExecution" && r.Body.Contains("percentage_missing"),
            _ => """{"QueryExecutionId": "failing-query"}""");
        proxy.Answer(r => r.Operation == "GetQueryExecution" && r.Body.Contains("failing-query"), _ => """
            {"QueryExecution": {"QueryExecutionId": "failing-query", "Query": "SELECT",
             "Status": {"State": "FAILED", "StateChangeReason": "COLUMN_NOT_FOUND: line 1:8: Column 'imported_count' cannot be resolved"}}}
            """);
        using var proxied = moto.Clients(proxy.Endpoint);
        var context = Context(bucket);

        var final = await PollUntilFinishedAsync(Runner(proxied), context);
        var summary = await ReadSummaryAsync(clients, context);

        Assert.Equal(ObservedState.Failed, final.State);
        Assert.Equal(PhaseFailure.QueryFailed, final.Failure);
        Assert.Contains("'Missing exported id counts'", final.Message);
        Assert.Contains("COLUMN_NOT_FOUND", final.Message);
        Assert.True(summary.Partial);
        Assert.Equal(["Missing exported id counts"], summary.FailedQueries);
        Assert.Equal(10, summary.Totals.Imported);
    }

    [Fact]
    public async Task Summary_without_its_totals_row_fails_naming_the_summary_query()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        var context = Context(bucket);

        // Nothing injected: moto answers every query with no rows, which the totals query can never return.
        var final = await PollUntilFinishedAsync(Runner(clients), context);

        Assert.Equal(ObservedState.Failed, final.State);
        Assert.Equal(PhaseFailure.SummaryFailed, final.Failure);
        Assert.Contains("summary/totals.sql", final.Message);
        Assert.False(await new S3ObjectStore(clients.S3).ExistsAsync(context.Layout.Summary, CancellationToken.None));
    }

    [Fact]
    public async Task Queries_beyond_the_concurrency_limit_wait_for_a_free_slot()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        await InjectAsync(idCountRows: []);
        await moto.SetManualTransitionAsync("athena::execution", 3);
        try
        {
            var context = Context(bucket);
            context.Spec.Query.MaxConcurrentQueries = 1;
            var runner = Runner(clients);
            var observation = await runner.StartAsync(context, CancellationToken.None);
            var maxQueriesInFlight = 0;
            for (var i = 0; i < 200 && observation.State == ObservedState.Running; i++)
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
        new(clients.Athena, new S3ObjectStore(clients.S3), TimeProvider.System);

    private static PhaseContext Context(string bucket)
    {
        var spec = AwsPhaseContexts.Spec(bucket);
        spec.Query.Database = "manifestetl";
        return AwsPhaseContexts.Create(spec, "query");
    }

    /// <summary>
    /// moto hands injected results out in start order: five DDL statements, the eight main queries (the seventh,
    /// "Missing exported id counts", gets <paramref name="idCountRows"/>; null when the test fails it before moto sees
    /// it), then the nine summary queries (totals, collections, missing collections, missing databases, rejected
    /// lines, rejected samples, missing-export, missing-import and mismatched-timestamp samples).
    /// </summary>
    private Task InjectAsync(IReadOnlyList<IReadOnlyList<string?>>? idCountRows)
    {
        var empty = ((IReadOnlyList<string>)["value"], (IReadOnlyList<IReadOnlyList<string?>>)[]);
        var results = new List<(IReadOnlyList<string>, IReadOnlyList<IReadOnlyList<string?>>)> { empty, empty, empty, empty, empty };
        for (var order = 1; order <= 8; order++)
        {
            if (order != 7)
            {
                results.Add(empty);
            }
            else if (idCountRows is not null)
            {
                results.Add((IdCountColumns, idCountRows));
            }
        }
        results.Add((["imported", "exported", "missing_exports", "missing_imports", "mismatched_earlier_in_import",
            "mismatched_earlier_in_export", "duplicate_imports", "duplicate_exports"], [["10", "9", "1", "0", "0", "0", "0", "0"]]));
        results.Add((["database", "collection", "imported_count", "exported_count", "missing_exported_count",
                "missing_imported_count", "mismatched_timestamps_earlier_in_import_count",
                "mismatched_timestamps_earlier_in_export_count", "duplicate_imported_count", "duplicate_exported_count"],
            [["db1", "orders", "6", "5", "1", "0", "0", "0", "0", "0"], ["db1", "users", "4", "4", "0", "0", "0", "0", "0", "0"]]));
        results.Add((["database", "collection"], []));
        results.Add((["database"], []));
        results.Add((["side", "reason", "line_count"], []));
        results.Add((["side", "reason", "file", "sample"], []));
        results.Add((["database", "collection", "id", "import_timestamp"], [["db1", "orders", "id-7", "1709251200000"]]));
        results.Add((["database", "collection", "id", "export_timestamp"], []));
        results.Add((["database", "collection", "id", "import_timestamp", "export_timestamp"], []));
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
