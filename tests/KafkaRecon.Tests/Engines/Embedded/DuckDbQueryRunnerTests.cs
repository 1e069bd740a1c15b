using System.Text.Json.Nodes;
using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Reports;
using static KafkaRecon.Tests.Engines.Embedded.ManifestLine;
using KafkaRecon.Operator.Storage;

namespace KafkaRecon.Tests.Engines.Embedded;

/// <summary>The embedded query runner end to end: report files, summary, partial reports, idempotency.</summary>
[Trait("Category", "Slow")]
public sealed class DuckDbQueryRunnerTests : IDisposable
{
    private static readonly long S = EmbeddedRun.StartMs;
    private readonly EmbeddedRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Cancelling_removes_the_local_copy_of_the_tables_a_killed_process_left_for_an_s3_run()
    {
        run.Spec.Output.Location = "s3://results/recon";
        var workspace = LocalWorkspace.TemporaryRoot(run.Layout);
        Directory.CreateDirectory(Path.Combine(workspace, "tables"));
        File.WriteAllText(Path.Combine(workspace, "tables", "part-0.parquet"), "downloaded");

        await new DuckDbQueryRunner(run.Store, run.Time).CancelAsync(run.Context, CancellationToken.None);

        Assert.False(Directory.Exists(workspace));
    }

    [Fact]
    public async Task Summary_totals_cover_all_collections_including_wholly_missing_ones()
    {
        ReportFixture.Write(run);
        await run.TransformSucceedsAsync();

        var observation = await run.QueryAsync();
        var summary = await new ReportSummaryReader(run.Store).ReadAsync(run.Layout.Summary, CancellationToken.None);

        Assert.Equal(ObservedState.Succeeded, observation.State);
        Assert.Equal(run.Layout.JsonReport, observation.OutputLocation);
        Assert.Equal(new RunTotals
        {
            Imported = 16, Exported = 14, MissingExports = 6, MissingImports = 4, MismatchedTimestamps = 2,
            MismatchedEarlierInImport = 1, MismatchedEarlierInExport = 1, MissingCollections = 2, MissingDatabases = 1,
        }, summary.Totals);
        Assert.Equal(["db2"], summary.MissingDatabases);
        Assert.Equal([new CollectionKey("db1", "gamma"), new CollectionKey("db2", "delta")], summary.MissingCollections);
        Assert.Equal(
            ["db1.alpha", "db1.beta", "db1.gamma", "db1.omega", "db1.zeta", "db2.delta", "db3.eps"],
            summary.Collections.Select(c => $"{c.Database}.{c.Collection}"));
        Assert.Equal(new CollectionCounts
        {
            Database = "db1", Collection = "alpha", Imported = 4, Exported = 3, MissingExports = 2, MissingImports = 1,
            MismatchedEarlierInImport = 0, MismatchedEarlierInExport = 1,
        }, summary.Collections[0]);
        Assert.Equal("nightly-2024-03-01", summary.RunId);
        Assert.Equal(EmbeddedRun.Start, summary.WindowStart);
        Assert.False(summary.Partial);
        Assert.Equal(run.Layout.JsonReport, summary.ReportLocation);
    }

    [Fact]
    public async Task Rejected_lines_published_before_they_carried_a_line_number_still_give_samples_with_their_line()
    {
        run.WriteImports("k2hb.txt", Import("a", S, "db", "c"), Import("b", "abc", "db", "c"));
        run.WriteExports("htme.txt", Export("a", S, "db", "c"));
        await run.TransformSucceedsAsync();
        var table = Directory.GetFiles(run.Layout.Table(RunLayout.RejectedLinesTable), "*.parquet").Single();
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT side, reason, file, sample FROM read_parquet('{table}')) TO '{table}.old' (FORMAT PARQUET)";
            command.ExecuteNonQuery();
        }
        File.Move(table + ".old", table, overwrite: true);

        var observation = await run.QueryAsync();

        Assert.Equal(ObservedState.Succeeded, observation.State);
        var summary = await new ReportSummaryReader(run.Store).ReadAsync(run.Layout.Summary, CancellationToken.None);
        Assert.Equal(new RejectedLineSample("import", "bad_timestamp", Path.Combine(run.ImportFolder, "k2hb.txt"),
            Import("b", "abc", "db", "c"), 2), Assert.Single(summary.RejectedSamples));
    }

    [Fact]
    public async Task Default_sets_run_only_the_main_queries()
    {
        ReportFixture.Write(run);
        await run.TransformSucceedsAsync();

        await run.QueryAsync();
        var json = JsonNode.Parse(await File.ReadAllTextAsync(run.Layout.JsonReport))!;

        Assert.Equal(8, json["query_results"]!.AsArray().Count);
        Assert.All(json["query_results"]!.AsArray(), entry => Assert.Equal("main", (string?)entry!["query_details"]!["query_type"]));
    }

    [Fact]
    public async Task Json_report_names_the_run_and_the_execution_time()
    {
        ReportFixture.Write(run);
        await run.TransformSucceedsAsync();

        await run.QueryAsync();
        var json = JsonNode.Parse(await File.ReadAllTextAsync(run.Layout.JsonReport))!;

        Assert.Equal("nightly-2024-03-01", (string?)json["executed_by"]);
        Assert.Equal(JsonReportWriter.EpochSeconds(run.Time.GetUtcNow()), (string?)json["execution_time"]);
        Assert.Equal("1709361015.123456", (string?)json["execution_time"]);
        Assert.Null(json["partial"]);
    }

    [Fact]
    public async Task Text_report_shows_column_names_only_where_the_metadata_asks()
    {
        ReportFixture.Write(run);
        await run.TransformSucceedsAsync();

        await run.QueryAsync();
        var text = await File.ReadAllTextAsync(run.Layout.TextReport);

        Assert.StartsWith("QUERY RESULTS:\n\nName: Missing exported databases\nDescription: ", text);
        Assert.Contains("Results:\n\t-- db2\n\nName: Missing exported collections\n", text);
        Assert.Contains("Results:\n\t-- db1, gamma\n\n", text);
        Assert.Contains(
            "Results:\n\t-- exported_collections_count: 5, exported_count: 14, exported_count_from_data_load: 2, " +
            "exported_count_from_streaming_feed: 12\n\n", text);
    }

    [Fact]
    public async Task Null_totals_are_written_as_the_string_null()
    {
        run.WriteImports("k2hb.txt", Import("a", S, "db", "c"));
        run.WriteExports("htme.txt", Export("a", S, "db", "c"));
        await run.TransformSucceedsAsync();

        await run.QueryAsync();
        var json = JsonNode.Parse(await File.ReadAllTextAsync(run.Layout.JsonReport))!;
        var missing = json["query_results"]!.AsArray()
            .Single(entry => (string?)entry!["query_details"]!["query_name"] == "Missing exported totals")!;

        Assert.Equal("null", (string?)missing["query_results"]![0]!["missing_exported_count"]);
        Assert.Contains("Name: Missing exported totals\n", await File.ReadAllTextAsync(run.Layout.TextReport));
        Assert.Contains("\t-- missing_exported_count: null\n", await File.ReadAllTextAsync(run.Layout.TextReport));
    }

    [Fact]
    public async Task Ids_per_collection_limits_id_lists_keeping_the_highest_ids()
    {
        ReportFixture.Write(run);
        run.Spec.Query.Sets = [QuerySet.Additional];
        run.Spec.Query.IdsPerCollection = 1;
        await run.TransformSucceedsAsync();

        await run.QueryAsync();
        var text = await File.ReadAllTextAsync(run.Layout.TextReport);

        Assert.Contains(
            "Name: Missing exported ids\nDescription: Up to the configured number of ids per collection that were " +
            "imported but not exported (highest ids first, listed in id order).\nResults:\n" +
            $"\t-- database: db1, collection: alpha, id: a4, import_timestamp: {S + 4}, import_component: K2HB, import_type: KAFKA_RECORD\n" +
            $"\t-- database: db1, collection: omega, id: o8, import_timestamp: {S + 1}, import_component: K2HB, import_type: KAFKA_RECORD\n\n",
            text);
    }

    [Fact]
    public async Task Every_row_is_kept_beyond_a_thousand()
    {
        var imports = Enumerable.Range(0, 1500).Select(i => Import($"id-{i:D5}", S, "db", "c")).Append(Import("both", S, "db", "c"));
        run.WriteImports("k2hb.txt", imports.ToArray());
        run.WriteExports("htme.txt", Export("both", S, "db", "c"));
        run.Spec.Query.Sets = [QuerySet.Additional];
        run.Spec.Query.IdsPerCollection = 10_000;
        await run.TransformSucceedsAsync();

        await run.QueryAsync();
        var json = JsonNode.Parse(await File.ReadAllTextAsync(run.Layout.JsonReport))!;
        var ids = json["query_results"]!.AsArray()
            .Single(entry => (string?)entry!["query_details"]!["query_name"] == "Missing exported ids")!["query_results"]!.AsArray();

        Assert.Equal(1500, ids.Count);
        Assert.Equal("id-01499", (string?)ids[1499]!["id"]);
    }

    [Fact]
    public async Task Failing_query_yields_a_partial_report_and_a_failed_observation_naming_it()
    {
        ReportFixture.Write(run);
        run.Spec.Query.Sets = [QuerySet.Main, QuerySet.Additional];
        await run.TransformSucceedsAsync();
        var mismatched = Path.Combine(run.Layout.Table(RunLayout.MismatchedTimestampsTable), "part-0.parquet");
        File.WriteAllText(mismatched, "not parquet");

        var observation = await run.QueryAsync();
        var json = JsonNode.Parse(await File.ReadAllTextAsync(run.Layout.JsonReport))!;
        var summary = await new ReportSummaryReader(run.Store).ReadAsync(run.Layout.Summary, CancellationToken.None);

        Assert.Equal(ObservedState.Failed, observation.State);
        Assert.Equal(PhaseFailure.QueryFailed, observation.Failure);
        Assert.Contains("'Timestamps earlier in export'", observation.Message);
        Assert.Contains("'Timestamps earlier in import'", observation.Message);
        Assert.True(summary.Partial);
        Assert.Equal(["Timestamps earlier in export", "Timestamps earlier in import"], summary.FailedQueries);
        Assert.Equal(16, summary.Totals.Imported);
        Assert.True((bool?)json["partial"]);
        Assert.Equal(16, json["query_results"]!.AsArray().Count);
        Assert.Equal(["Timestamps earlier in export", "Timestamps earlier in import"],
            json["failed_queries"]!.AsArray().Select(failure => (string?)failure!["query_name"]));
        Assert.Contains("FAILED QUERIES:\n\n\t-- Timestamps earlier in export: ", await File.ReadAllTextAsync(run.Layout.TextReport));
    }

    [Fact]
    public async Task Rerun_after_a_partial_report_runs_the_queries_again()
    {
        ReportFixture.Write(run);
        run.Spec.Query.Sets = [QuerySet.Additional];
        await run.TransformSucceedsAsync();
        var mismatched = Path.Combine(run.Layout.Table(RunLayout.MismatchedTimestampsTable), "part-0.parquet");
        var good = await File.ReadAllBytesAsync(mismatched);
        await File.WriteAllTextAsync(mismatched, "not parquet");
        Assert.Equal(ObservedState.Failed, (await run.QueryAsync()).State);
        await File.WriteAllBytesAsync(mismatched, good);

        var observation = await run.QueryAsync();

        Assert.Equal(ObservedState.Succeeded, observation.State);
        Assert.False((await new ReportSummaryReader(run.Store).ReadAsync(run.Layout.Summary, CancellationToken.None)).Partial);
    }

    [Fact]
    public async Task Rerun_with_a_complete_report_succeeds_at_once_and_leaves_it_unchanged()
    {
        ReportFixture.Write(run);
        await run.TransformSucceedsAsync();
        await run.QueryAsync();
        var first = await File.ReadAllBytesAsync(run.Layout.JsonReport);
        run.Time.Advance(TimeSpan.FromHours(1));

        var observation = await run.QueryAsync();

        Assert.Equal(ObservedState.Succeeded, observation.State);
        Assert.Equal(first, await File.ReadAllBytesAsync(run.Layout.JsonReport));
    }

    [Fact]
    public async Task Whole_rerun_on_the_same_output_gives_the_same_report_without_duplicated_rows()
    {
        ReportFixture.Write(run);
        run.Spec.Query.Sets = [QuerySet.Main, QuerySet.Additional, QuerySet.Specific];
        await run.TransformSucceedsAsync();
        await run.QueryAsync();
        var firstJson = await File.ReadAllTextAsync(run.Layout.JsonReport);
        var firstText = await File.ReadAllTextAsync(run.Layout.TextReport);
        var firstCounts = run.Counts();

        await run.TransformSucceedsAsync();
        await run.QueryAsync();

        Assert.Equal(firstJson, await File.ReadAllTextAsync(run.Layout.JsonReport));
        Assert.Equal(firstText, await File.ReadAllTextAsync(run.Layout.TextReport));
        Assert.Equal(firstCounts, run.Counts());
        Assert.Single(Directory.GetFiles(run.Layout.Table(RunLayout.CountsTable)));
    }

    [Fact]
    public async Task Concurrency_of_one_gives_the_same_report_as_many()
    {
        ReportFixture.Write(run);
        run.Spec.Query.Sets = [QuerySet.Main, QuerySet.Additional, QuerySet.Specific];
        run.Spec.Query.MaxConcurrentQueries = 8;
        await run.TransformSucceedsAsync();
        await run.QueryAsync();
        var concurrent = await File.ReadAllTextAsync(run.Layout.JsonReport);
        File.Delete(run.Layout.Summary);
        run.Spec.Query.MaxConcurrentQueries = 1;

        await run.QueryAsync();

        Assert.Equal(concurrent, await File.ReadAllTextAsync(run.Layout.JsonReport));
    }

    [Fact]
    public async Task Query_without_published_tables_fails_without_retry()
    {
        var observation = await run.QueryAsync();

        Assert.Equal("TablesMissing", observation.Reason);
        Assert.False(observation.Retryable);
    }

    [Fact]
    public async Task Poll_reports_success_from_the_summary_and_interruption_without_it()
    {
        var runner = new DuckDbQueryRunner(run.Store, run.Time);
        Assert.Equal("QueryInterrupted", (await runner.PollAsync(run.Context, CancellationToken.None)).Reason);
        ReportFixture.Write(run);
        await run.TransformSucceedsAsync();
        await run.QueryAsync();

        var observation = await runner.PollAsync(run.Context, CancellationToken.None);

        Assert.Equal(ObservedState.Succeeded, observation.State);
    }
}
