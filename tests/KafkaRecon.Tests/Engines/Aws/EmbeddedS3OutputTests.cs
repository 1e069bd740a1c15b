using KafkaRecon.Entities;
using Amazon.S3.Model;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Aws;
using KafkaRecon.Tests.Engines.Embedded;

namespace KafkaRecon.Tests.Engines.Aws;

/// <summary>
/// <c>engine: embedded</c> with <c>spec.output.location</c> on S3 (moto): the transform builds the tables locally and
/// uploads them under the run's prefix, the query phase reads them back and writes the reports to S3.
/// </summary>
[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class EmbeddedS3OutputTests(MotoServer moto) : IAsyncLifetime
{
    private readonly EmbeddedRun run = new();
    private AwsClients clients = null!;
    private string bucket = "";

    public async Task InitializeAsync()
    {
        (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        ReportFixture.Write(run);
        run.Spec.Output.Location = $"s3://{bucket}/recon";
    }

    public Task DisposeAsync()
    {
        clients.Dispose();
        run.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Transform_uploads_the_result_tables_under_the_run_prefix_the_aws_engine_uses()
    {
        var observation = await Transformer().StartAsync(run.Context, CancellationToken.None);

        Assert.True(observation.State == ObservedState.Succeeded, $"{observation.Reason}: {observation.Message}");
        Assert.Equal($"s3://{bucket}/recon/runs/nightly-2024-03-01/tables", observation.OutputLocation);
        Assert.Equal(
            [
                "recon/runs/nightly-2024-03-01/tables/_SUCCESS",
                "recon/runs/nightly-2024-03-01/tables/counts/part-0.parquet",
                "recon/runs/nightly-2024-03-01/tables/mismatched_timestamps/part-0.parquet",
                "recon/runs/nightly-2024-03-01/tables/missing_exports/part-0.parquet",
                "recon/runs/nightly-2024-03-01/tables/missing_imports/part-0.parquet",
                "recon/runs/nightly-2024-03-01/tables/rejected_lines/part-0.parquet",
            ],
            await KeysAsync("recon/"));
    }

    [Fact]
    public async Task Transform_uploads_the_completion_marker_after_every_table()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var proxied = moto.Clients(proxy.Endpoint);

        await new DuckDbTransformer(Store(proxied)).StartAsync(run.Context, CancellationToken.None);

        var puts = proxy.Requests.Where(r => r.Method == "PUT").Select(r => r.Operation).ToList();
        Assert.Equal(RunLayout.Tables.Count + 1, puts.Count); // each table, then the marker
        Assert.Equal("_SUCCESS", puts[^1]);
    }

    [Fact]
    public async Task Transform_whose_tables_are_published_succeeds_without_uploading_again()
    {
        await Transformer().StartAsync(run.Context, CancellationToken.None);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        using var proxied = moto.Clients(proxy.Endpoint);

        var again = await new DuckDbTransformer(Store(proxied)).StartAsync(run.Context, CancellationToken.None);

        Assert.Equal(ObservedState.Succeeded, again.State);
        Assert.DoesNotContain(proxy.Requests, r => r.Method is "PUT" or "DELETE" or "POST");
    }

    [Fact]
    public async Task Transform_after_an_interrupted_upload_removes_the_stale_objects()
    {
        await PutAsync("recon/runs/nightly-2024-03-01/tables/missing_exports/part-7.parquet", "half an old upload");

        await Transformer().StartAsync(run.Context, CancellationToken.None);
        var query = await QueryRunner().StartAsync(run.Context, CancellationToken.None);

        Assert.DoesNotContain("recon/runs/nightly-2024-03-01/tables/missing_exports/part-7.parquet", await KeysAsync("recon/"));
        Assert.True(query.State == ObservedState.Succeeded, $"{query.Reason}: {query.Message}");
    }

    [Fact]
    public async Task Failed_marker_upload_fails_the_transform_and_leaves_no_complete_tables()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.InjectError(r => r.Method == "PUT" && r.Operation == ResultTableFolder.SuccessMarker, int.MaxValue, 500,
            "InternalError");
        using var proxied = moto.Clients(proxy.Endpoint);
        var transformer = new DuckDbTransformer(Store(proxied));

        var failed = await transformer.StartAsync(run.Context, CancellationToken.None);
        var poll = await transformer.PollAsync(run.Context, CancellationToken.None);
        var query = await QueryRunner().StartAsync(run.Context, CancellationToken.None);

        Assert.Equal(ObservedState.Failed, failed.State);
        Assert.Equal("OutputUploadFailed", failed.Reason);
        Assert.True(failed.Retryable);
        Assert.Contains($"s3://{bucket}/recon/runs/nightly-2024-03-01/tables", failed.Message);
        Assert.Contains("spec.output.location", failed.Message);
        Assert.Equal("TransformInterrupted", poll.Reason);
        Assert.Equal("TablesMissing", query.Reason);
        Assert.DoesNotContain(await KeysAsync("recon/"), key => key.Contains("results/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transform_rerun_after_a_failed_upload_publishes_complete_tables()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.InjectError(r => r.Method == "PUT" && r.Operation == ResultTableFolder.SuccessMarker, int.MaxValue, 500,
            "InternalError");
        using var proxied = moto.Clients(proxy.Endpoint);
        await new DuckDbTransformer(Store(proxied)).StartAsync(run.Context, CancellationToken.None);

        var rerun = await Transformer().StartAsync(run.Context, CancellationToken.None);
        var query = await QueryRunner().StartAsync(run.Context, CancellationToken.None);

        Assert.True(rerun.State == ObservedState.Succeeded, $"{rerun.Reason}: {rerun.Message}");
        Assert.True(query.State == ObservedState.Succeeded, $"{query.Reason}: {query.Message}");
    }

    [Fact]
    public async Task Query_writes_the_reports_and_summary_to_s3_with_exact_totals()
    {
        await Transformer().StartAsync(run.Context, CancellationToken.None);

        var observation = await QueryRunner().StartAsync(run.Context, CancellationToken.None);
        var summary = await new ReportSummaryReader(Store(clients)).ReadAsync(run.Layout.Summary, CancellationToken.None);

        Assert.True(observation.State == ObservedState.Succeeded, $"{observation.Reason}: {observation.Message}");
        Assert.Equal($"s3://{bucket}/recon/results/nightly-2024-03-01_results.json", observation.OutputLocation);
        Assert.Equal(new RunTotals
        {
            Imported = 16, Exported = 14, MissingExports = 6, MissingImports = 4, MismatchedTimestamps = 2,
            MismatchedEarlierInImport = 1, MismatchedEarlierInExport = 1, MissingCollections = 2, MissingDatabases = 1,
        }, summary.Totals);
        Assert.Equal(observation.OutputLocation, summary.ReportLocation);
        Assert.Contains("recon/results/nightly-2024-03-01_results.txt", await KeysAsync("recon/results/"));
    }

    [Fact]
    public async Task Reports_on_s3_equal_the_reports_of_the_same_run_on_local_disk()
    {
        using var local = new EmbeddedRun();
        ReportFixture.Write(local);
        await local.TransformSucceedsAsync();
        await local.QueryAsync();
        await Transformer().StartAsync(run.Context, CancellationToken.None);

        await QueryRunner().StartAsync(run.Context, CancellationToken.None);

        Assert.Equal(await File.ReadAllBytesAsync(local.Layout.JsonReport), await ReadAsync(run.Layout.JsonReport));
        Assert.Equal(await File.ReadAllBytesAsync(local.Layout.TextReport), await ReadAsync(run.Layout.TextReport));
    }

    [Fact]
    public async Task Phases_leave_no_local_working_copy_behind()
    {
        var root = LocalWorkspace.TemporaryRoot(run.Layout);

        await Transformer().StartAsync(run.Context, CancellationToken.None);
        var afterTransform = Directory.Exists(root);
        await QueryRunner().StartAsync(run.Context, CancellationToken.None);

        Assert.False(afterTransform);
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public async Task Failed_summary_upload_fails_the_query_phase_naming_the_results_folder()
    {
        await Transformer().StartAsync(run.Context, CancellationToken.None);
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.InjectError(r => r.Method == "PUT" && r.Operation.EndsWith("_summary.json", StringComparison.Ordinal),
            int.MaxValue, 500, "InternalError");
        using var proxied = moto.Clients(proxy.Endpoint);
        var runner = new DuckDbQueryRunner(Store(proxied), run.Time);

        var failed = await runner.StartAsync(run.Context, CancellationToken.None);
        var poll = await runner.PollAsync(run.Context, CancellationToken.None);
        var rerun = await QueryRunner().StartAsync(run.Context, CancellationToken.None);

        Assert.Equal("ReportWriteFailed", failed.Reason);
        Assert.Contains($"s3://{bucket}/recon/results", failed.Message);
        Assert.Equal("QueryInterrupted", poll.Reason);
        Assert.True(rerun.State == ObservedState.Succeeded, $"{rerun.Reason}: {rerun.Message}");
    }

    private DuckDbTransformer Transformer() => new(Store(clients));

    private DuckDbQueryRunner QueryRunner() => new(Store(clients), run.Time);

    private static RoutingObjectStore Store(AwsClients aws) =>
        new(new LocalObjectStore(), () => new S3ObjectStore(aws.S3));

    private async Task<List<string>> KeysAsync(string prefix) =>
        (await clients.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix }))
        .S3Objects?.Select(o => o.Key).Order(StringComparer.Ordinal).ToList() ?? [];

    private Task PutAsync(string key, string content) =>
        clients.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = content });

    private async Task<byte[]> ReadAsync(string location)
    {
        await using var stream = await Store(clients).OpenReadAsync(location, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
