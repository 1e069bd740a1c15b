using Amazon.S3.Model;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Embedded;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Aws;
using KafkaRecon.Tests.Engines.Embedded;
using static KafkaRecon.Tests.Engines.Embedded.ManifestLine;

namespace KafkaRecon.Tests.Engines.Aws;

/// <summary><c>engine: embedded</c> with manifests on S3: the transform stages them locally before DuckDB reads them.</summary>
[Trait("Category", "Slow")]
[Collection(MotoCollection.Name)]
public sealed class EmbeddedS3ManifestsTests(MotoServer moto)
{
    private static readonly long S = EmbeddedRun.StartMs;

    [Fact]
    public async Task Embedded_transform_reads_s3_manifests_staged_below_the_run_scratch()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        using var run = new EmbeddedRun();
        run.WriteImports("k2hb.txt", Import("a", S + 1, "db", "c"), Import("b", S + 2, "db", "c"));
        run.WriteExports("htme.txt", Export("a", S + 1, "db", "c"));
        await UploadAsync(clients.S3, bucket, "import/k2hb.txt", Path.Combine(run.ImportFolder, "k2hb.txt"));
        await UploadAsync(clients.S3, bucket, "export/htme.txt", Path.Combine(run.ExportFolder, "htme.txt"));
        Directory.Delete(run.ImportFolder, recursive: true);
        Directory.Delete(run.ExportFolder, recursive: true);
        run.Spec.Manifests.ImportLocation = $"s3://{bucket}/import";
        run.Spec.Manifests.ExportLocation = $"s3://{bucket}/export";
        var store = new RoutingObjectStore(new LocalObjectStore(), () => new S3ObjectStore(clients.S3));

        var observation = await new DuckDbTransformer(store).StartAsync(run.Context, CancellationToken.None);

        Assert.True(observation.State == ObservedState.Succeeded, $"{observation.Reason}: {observation.Message}");
        Assert.Single(run.MissingExports());
        Assert.StartsWith("b|", run.MissingExports()[0]);
        Assert.False(Directory.Exists(Path.Combine(run.Layout.Scratch, "manifests")));
    }

    [Fact]
    public async Task Rejected_lines_of_s3_manifests_name_the_s3_object_and_line_not_the_staged_copy()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        using var run = new EmbeddedRun();
        await clients.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "import/k2hb.txt",
            ContentBody = string.Join("\n", Import("a", S + 1, "db", "c"), "seven|1|db|c|STREAMED|K2HB|seven",
                Import("b", "abc", "db", "c")) + "\n",
        });
        await clients.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "export/htme.txt", ContentBody = Export("a", S + 1, "db", "c") + "\n",
        });
        run.Spec.Manifests.ImportLocation = $"s3://{bucket}/import";
        run.Spec.Manifests.ExportLocation = $"s3://{bucket}/export";
        var store = new RoutingObjectStore(new LocalObjectStore(), () => new S3ObjectStore(clients.S3));

        var transform = await new DuckDbTransformer(store).StartAsync(run.Context, CancellationToken.None);
        Assert.True(transform.State == ObservedState.Succeeded, $"{transform.Reason}: {transform.Message}");
        var query = await new DuckDbQueryRunner(store, run.Time).StartAsync(run.Context, CancellationToken.None);
        Assert.True(query.State == ObservedState.Succeeded, $"{query.Reason}: {query.Message}");

        var summary = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(run.Layout.Summary))!;
        Assert.Equal(
            [$"bad_field_count s3://{bucket}/import/k2hb.txt:2", $"bad_timestamp s3://{bucket}/import/k2hb.txt:3"],
            summary["rejectedSamples"]!.AsArray().Select(r => $"{r!["reason"]} {r["file"]}:{r["line"]}").Order());
        Assert.Equal(["db|c|1|1|0|1|0|0|0|0"], run.Counts());
    }

    private static Task UploadAsync(Amazon.S3.IAmazonS3 s3, string bucket, string key, string file) =>
        s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = file });
}
