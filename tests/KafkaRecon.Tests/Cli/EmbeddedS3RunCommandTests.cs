using System.Text.Json;
using System.Text.Json.Nodes;
using KafkaRecon.Entities;
using Amazon.S3.Model;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Reports;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Aws;
using KafkaRecon.Tests.EndToEnd;
using KafkaRecon.Tests.Generation;
using KafkaRecon.Tests.Support;

namespace KafkaRecon.Tests.Cli;

/// <summary>
/// <c>kafka-recon run -f</c> with <c>engine: embedded</c>, manifests and output on S3 (moto): a small installation
/// reconciling real buckets without Batch, Glue or Athena.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class EmbeddedS3RunCommandTests(MotoServer moto) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private const string RunId = "sample-20240301";
    private readonly GeneratedDataset dataset = new(records: 1_500);
    private readonly List<string> files = [];
    private AwsClients clients = null!;
    private string bucket = "";
    private ScopedEnvironment environment = null!;

    public async Task InitializeAsync()
    {
        (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        environment = new ScopedEnvironment(new Dictionary<string, string?>
        {
            ["AWS_REGION"] = MotoServer.Region,
            [AwsOptions.EndpointVariable] = null,
            ["AWS_ACCESS_KEY_ID"] = "testing",
            ["AWS_SECRET_ACCESS_KEY"] = "testing",
        });
        await UploadAsync(Path.Combine(dataset.Root, "import"), "manifests/import");
        await UploadAsync(Path.Combine(dataset.Root, "export"), "manifests/export");
    }

    public Task DisposeAsync()
    {
        environment.Dispose();
        clients.Dispose();
        dataset.Dispose();
        foreach (var file in files)
        {
            File.Delete(file);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Embedded_run_on_s3_reports_exactly_the_generated_truth()
    {
        var (exit, output, error) = await RunAsync(Resource("sample"), moto.Endpoint);

        Assert.True(exit == 3, $"exit {exit}: {error}");
        var results = JsonNode.Parse(output)!["status"]!["results"]!;
        var truth = dataset.Truth.Totals;
        Assert.True(truth.MissingExports > 0, "the sample plants missing records");
        Assert.Equal(
            (truth.Imported, truth.Exported, truth.MissingExports, truth.MissingImports, truth.MismatchedTimestamps,
                truth.MissingCollections, truth.MissingDatabases),
            (Long(results, "imported"), Long(results, "exported"), Long(results, "missingExports"),
                Long(results, "missingImports"), Long(results, "mismatchedTimestamps"),
                Long(results, "missingCollections"), Long(results, "missingDatabases")));
        Assert.Equal($"s3://{bucket}/out/results/{RunId}_results.json", results["reportLocation"]!.GetValue<string>());
        var summary = await SummaryAsync(RunId);
        Assert.Equal(truth, summary.Totals);
        Assert.Equal(ByName(dataset.Truth.Collections), ByName(summary.Collections));
    }

    [Fact]
    public async Task Results_lists_every_missing_export_from_s3_and_the_status_samples_are_its_first_records()
    {
        var (exit, output, error) = await RunAsync(Resource("sample"), moto.Endpoint);
        var truth = NaiveDiscrepancies.Of(new GeneratedSample(dataset.Root, dataset.Truth));

        var (listExit, listed, listError) = await CliRun.RunAsync("results", RunId, "--missing", "exports",
            "--location", $"s3://{bucket}/out", "--output", "json", "--aws-endpoint", moto.Endpoint.ToString());

        Assert.True(exit == 3, $"exit {exit}: {error}");
        Assert.True(listExit == 0, listError);
        var records = JsonSerializer.Deserialize<List<RecordSample>>(listed)!;
        Assert.True(truth.MissingExports.Count > 10, "the sample plants more missing records than the samples hold");
        Assert.Equal(truth.MissingExports, records);
        var samples = JsonNode.Parse(output)!["status"]!["results"]!["samples"]!["missingExports"]!.Deserialize<List<RecordSample>>()!;
        Assert.Equal(records.Take(10), samples);
        Assert.False(Directory.Exists(LocalWorkspace.TemporaryRoot(new RunLayout($"s3://{bucket}/out", RunId))));
    }

    [Fact]
    public async Task Embedded_run_on_s3_leaves_reports_and_tables_under_the_run_prefix_and_no_local_copy()
    {
        var (exit, _, error) = await RunAsync(Resource("sample"), moto.Endpoint);

        Assert.True(exit == 3, $"exit {exit}: {error}");
        var keys = await KeysAsync("out/");
        Assert.Equal(
            [$"out/results/{RunId}_results.json", $"out/results/{RunId}_results.txt", $"out/results/{RunId}_summary.json"],
            keys.Where(k => k.StartsWith("out/results/", StringComparison.Ordinal)));
        Assert.Equal(
            RunLayout.Tables.Select(t => $"out/runs/{RunId}/tables/{t}/part-0.parquet")
                .Append($"out/runs/{RunId}/tables/_SUCCESS").Order(StringComparer.Ordinal),
            keys.Where(k => k.StartsWith("out/runs/", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(LocalWorkspace.TemporaryRoot(new RunLayout($"s3://{bucket}/out", RunId))));
    }

    [Fact]
    public async Task Another_run_and_a_rerun_never_overwrite_a_runs_reports()
    {
        await RunAsync(Resource("sample"), moto.Endpoint);
        var first = await ReportsAsync(RunId);

        var (rerunExit, _, rerunError) = await RunAsync(Resource("sample"), moto.Endpoint);
        var (otherExit, _, otherError) = await RunAsync(Resource("other"), moto.Endpoint);

        Assert.True(rerunExit == 3, rerunError);
        Assert.True(otherExit == 3, otherError);
        Assert.Equal(first, await ReportsAsync(RunId));
        Assert.Equal(dataset.Truth.Totals, (await SummaryAsync("other-20240301")).Totals);
        Assert.NotEqual(first[0], (await ReportsAsync("other-20240301"))[0]);
    }

    [Fact]
    public async Task Failed_table_upload_fails_the_transform_with_the_reason_and_a_rerun_succeeds()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.InjectError(r => r.Method == "PUT" && r.Operation == ResultTableFolder.SuccessMarker, int.MaxValue, 500,
            "InternalError");
        var resource = Resource("sample", "retries:\n    transform: 0");

        var (exit, output, _) = await RunAsync(resource, proxy.Endpoint);
        var (rerunExit, rerunOutput, rerunError) = await RunAsync(resource, moto.Endpoint);

        Assert.Equal(1, exit);
        var transform = JsonNode.Parse(output)!["status"]!["phases"]!["transform"]!;
        Assert.Equal("Failed", transform["state"]!.GetValue<string>());
        Assert.Equal("OutputUploadFailed", transform["reason"]!.GetValue<string>());
        Assert.Contains($"s3://{bucket}/out/runs/{RunId}/tables", transform["message"]!.GetValue<string>());
        Assert.True(rerunExit == 3, $"exit {rerunExit}: {rerunError}");
        Assert.Equal(dataset.Truth.Totals.MissingExports,
            Long(JsonNode.Parse(rerunOutput)!["status"]!["results"]!, "missingExports"));
    }

    [Fact]
    public async Task Failed_summary_upload_fails_the_query_phase_with_the_reason_and_a_rerun_succeeds()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.InjectError(r => r.Method == "PUT" && r.Operation == $"{RunId}_summary.json", int.MaxValue, 500,
            "InternalError");
        var resource = Resource("sample", "retries:\n    query: 0");

        var (exit, output, _) = await RunAsync(resource, proxy.Endpoint);
        var missingSummary = !await ExistsAsync($"out/results/{RunId}_summary.json");
        var (rerunExit, _, rerunError) = await RunAsync(resource, moto.Endpoint);

        Assert.Equal(1, exit);
        var query = JsonNode.Parse(output)!["status"]!["phases"]!["query"]!;
        Assert.Equal("ReportWriteFailed", query["reason"]!.GetValue<string>());
        Assert.Contains($"s3://{bucket}/out/results", query["message"]!.GetValue<string>());
        Assert.True(missingSummary);
        Assert.True(rerunExit == 3, $"exit {rerunExit}: {rerunError}");
        Assert.Equal(dataset.Truth.Totals, (await SummaryAsync(RunId)).Totals);
    }

    [Fact]
    public async Task Run_with_s3_locations_and_no_aws_region_is_invalid_input_naming_the_field_and_variable()
    {
        using var noRegion = new ScopedEnvironment(new Dictionary<string, string?>
        {
            ["AWS_REGION"] = null,
            ["AWS_DEFAULT_REGION"] = null,
        });

        var (exit, _, error) = await RunAsync(Resource("sample"), moto.Endpoint);

        Assert.Equal(2, exit);
        Assert.Contains($"spec.manifests.importLocation: 's3://{bucket}/manifests/import' is on S3", error);
        Assert.Contains("AWS_REGION", error);
    }

    private string Resource(string name, string extraSpec = "")
    {
        var path = Path.Combine(Path.GetTempPath(), $"krecon-s3-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $"""
            apiVersion: kafkarecon.io/v1alpha1
            kind: KafkaReconciliation
            metadata:
              name: {name}
            spec:
              engine: embedded
              window:
                start: "2024-03-01T00:00:00Z"
                end: "2024-03-02T00:00:00Z"
              manifests:
                importLocation: s3://{bucket}/manifests/import
                exportLocation: s3://{bucket}/manifests/export
              output:
                location: s3://{bucket}/out
              {extraSpec}
            """);
        files.Add(path);
        return path;
    }

    private static Task<(int Exit, string Output, string Error)> RunAsync(string resource, Uri endpoint) =>
        CliRun.RunAsync("run", "-f", resource, "--output", "json", "--aws-endpoint", endpoint.ToString());

    private static long Long(JsonNode node, string name) => node[name]!.GetValue<long>();

    private static List<CollectionCounts> ByName(IEnumerable<CollectionCounts> rows) =>
        [.. rows.OrderBy(r => r.Database, StringComparer.Ordinal).ThenBy(r => r.Collection, StringComparer.Ordinal)];

    private async Task UploadAsync(string folder, string prefix)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var key = $"{prefix}/{Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/')}";
            await clients.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = file });
        }
    }

    private Task<ReportSummary> SummaryAsync(string runId) =>
        new ReportSummaryReader(new S3ObjectStore(clients.S3))
            .ReadAsync($"s3://{bucket}/out/results/{runId}_summary.json", CancellationToken.None);

    private async Task<List<string>> KeysAsync(string prefix)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await clients.S3.ListObjectsV2Async(request);
            keys.AddRange(page.S3Objects?.Select(o => o.Key) ?? []);
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
        return keys.Order(StringComparer.Ordinal).ToList();
    }

    private Task<bool> ExistsAsync(string key) =>
        new S3ObjectStore(clients.S3).ExistsAsync($"s3://{bucket}/{key}", CancellationToken.None);

    /// <summary>The run's JSON, text and summary objects, as text.</summary>
    private async Task<string[]> ReportsAsync(string runId)
    {
        var store = new S3ObjectStore(clients.S3);
        var reports = new List<string>();
        foreach (var suffix in new[] { "results.json", "results.txt", "summary.json" })
        {
            await using var stream = await store.OpenReadAsync($"s3://{bucket}/out/results/{runId}_{suffix}", CancellationToken.None);
            reports.Add(await new StreamReader(stream).ReadToEndAsync());
        }
        return [.. reports];
    }
}
