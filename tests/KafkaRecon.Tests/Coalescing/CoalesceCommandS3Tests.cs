using KafkaRecon.Tests.Support;
using System.CommandLine;
using Amazon.S3.Model;
using KafkaRecon.Operator.Aws;
using KafkaRecon.Operator.Cli;
using KafkaRecon.Tests.Aws;

namespace KafkaRecon.Tests.Coalescing;

/// <summary><c>kafka-recon coalesce --location s3://…</c> as a Batch job runs it: AWS settings from the environment.</summary>
[Trait("Category", "Slow")]
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class CoalesceCommandS3Tests(MotoServer moto) : IClassFixture<MotoServer>, IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Coalesce_merges_manifests_under_an_s3_prefix()
    {
        var (clients, bucket) = await MotoS3.CreateBucketAsync(moto);
        using var _ = clients;
        for (var i = 0; i < 4; i++)
        {
            var file = ManifestFolder.WriteK2hb(_folder.Path, "db.core.t", 0, i * 10, 2);
            await clients.S3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket, Key = $"import/{Path.GetFileName(file)}", FilePath = file,
            });
        }
        using var environment = MotoEnvironment();

        var (exit, output, error) = await RunAsync(
            "coalesce", "--location", $"s3://{bucket}/import", "--max-files", "2", "--side", "import");

        Assert.True(exit == 0, error);
        Assert.Contains("4 files read", output);
        var keys = (await clients.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "import/" }))
            .S3Objects.Select(o => o.Key).ToList();
        var manifests = keys.Where(key => !key.StartsWith("import/.", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, manifests.Count);
        Assert.All(manifests, key => Assert.Contains("_coalesced_", key));
        Assert.All(manifests, key => Assert.Contains($"import/.{key["import/".Length..]}.members", keys));
    }

    [Fact]
    public async Task Coalesce_of_an_s3_location_without_a_region_exits_two_naming_the_variable()
    {
        using var environment = new ScopedEnvironment(new Dictionary<string, string?>
        {
            ["AWS_REGION"] = null,
            ["AWS_DEFAULT_REGION"] = null,
        });

        var (exit, _, error) = await RunAsync("coalesce", "--location", "s3://bucket/import");

        Assert.Equal(2, exit);
        Assert.Contains("AWS_REGION", error);
    }

    private ScopedEnvironment MotoEnvironment() => new(new Dictionary<string, string?>
    {
        ["AWS_REGION"] = MotoServer.Region,
        [AwsOptions.EndpointVariable] = moto.Endpoint.ToString(),
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
    });

    /// <summary>The command with the files just written old enough to merge.</summary>
    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) =>
        CliRun.RunAsync([.. args, "--min-file-age", "0s"]);
}
